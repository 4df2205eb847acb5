import { ScrollView, Text, View } from '@tarojs/components';
import type { LegalDocumentView } from '@member-commerce/shared';
import { Button } from '../nut';
import './index.css';

/** A staff-published text (member agreement, user agreement, privacy guide) over the page, with its version. */
export function AgreementSheet({ document, onClose }: { document: LegalDocumentView; onClose(): void }) {
  return (
    <View className='agreement-sheet' data-testid='agreement-sheet' onClick={onClose}>
      <View className='agreement-sheet__panel' onClick={(e) => e.stopPropagation()}>
        <Text className='agreement-sheet__title'>{document.title}</Text>
        <Text className='agreement-sheet__version'>第 {document.version} 版</Text>
        <ScrollView scrollY className='agreement-sheet__body'>
          {document.content.split(/\n{2,}/).map((paragraph, i) => (
            <Text key={i} className='agreement-sheet__paragraph'>
              {paragraph}
            </Text>
          ))}
        </ScrollView>
        <Button type='primary' block onClick={onClose}>
          我已阅读
        </Button>
      </View>
    </View>
  );
}
