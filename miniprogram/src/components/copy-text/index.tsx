import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import './index.css';

/** A small 复制 link that puts `value` on the clipboard (a tracking number, an address). */
export function CopyText({ value, testId }: { value: string; testId?: string }) {
  const copy = (e: { stopPropagation: () => void }) => {
    e.stopPropagation();
    void Taro.setClipboardData({ data: value });
  };
  return (
    <Text className='copy-text' data-testid={testId} onClick={copy}>
      复制
    </Text>
  );
}
