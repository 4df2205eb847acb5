import type { AfterSalesStep } from '@member-commerce/shared';
import { Timeline } from 'antd';
import { formatTime } from '../../format';

const COLOR: Record<AfterSalesStep['state'], string> = { done: 'green', current: 'blue', todo: 'gray' };

/** The request's progress exactly as the server computed it (the customer sees the same steps). */
export function AfterSalesSteps({ steps }: { steps: AfterSalesStep[] }) {
  return (
    <Timeline
      data-testid="after-sales-steps"
      items={steps.map((step) => ({
        color: COLOR[step.state],
        children: (
          <div data-testid="after-sales-step" data-state={step.state}>
            <span style={{ fontWeight: step.state === 'current' ? 600 : 400, color: step.state === 'todo' ? '#999' : undefined }}>
              {step.label}
            </span>
            {step.at ? <span style={{ color: '#888', marginLeft: 8 }}>{formatTime(step.at)}</span> : null}
            {step.detail ? <div style={{ color: '#666' }}>{step.detail}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
