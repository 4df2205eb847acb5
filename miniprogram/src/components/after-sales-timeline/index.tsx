import { Text, View } from '@tarojs/components';
import type { AfterSalesStep } from '@member-commerce/shared';
import { formatDateTime } from '../../utils/format';
import './index.css';

/** The request's progress as the server computed it (the same steps staff see). */
export function AfterSalesTimeline({ steps }: { steps: AfterSalesStep[] }) {
  return (
    <View className='as-timeline' data-testid='after-sales-timeline'>
      {steps.map((step) => (
        <View
          key={step.key}
          className={`as-timeline__step as-timeline__step--${step.state}`}
          data-testid='after-sales-step'
          data-state={step.state}
        >
          <View className='as-timeline__dot' />
          <View className='as-timeline__body'>
            <View className='as-timeline__head'>
              <Text className='as-timeline__label'>{step.label}</Text>
              {step.at && <Text className='as-timeline__at'>{formatDateTime(step.at)}</Text>}
            </View>
            {step.detail && <Text className='as-timeline__detail'>{step.detail}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
