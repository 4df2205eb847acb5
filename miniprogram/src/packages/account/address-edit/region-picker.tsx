import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
// Not a React hook despite its name: it builds the option tree.
import { useCascaderAreaData as cascaderAreaData } from '@vant/area-data';
import '@nutui/nutui-react-taro/dist/es/packages/cascader/style/css';
import { Cascader } from '@nutui/nutui-react-taro';
import type { Region } from './region';

/**
 * 省 / 市 / 区 chosen from the national division list (@vant/area-data, the list the server checks against),
 * never typed. Kept in this subpackage: the list is 150 KB.
 */
export function RegionPicker({ value, onChange }: { value: Region; onChange: (region: Region) => void }) {
  const [open, setOpen] = useState(false);
  const options = useMemo(() => cascaderAreaData(), []);
  const label = value.province ? `${value.province} ${value.city} ${value.district}` : '';

  return (
    <View className='field' onClick={() => setOpen(true)} data-testid='region-field'>
      <Text className='field__label'>所在地区</Text>
      <Text className={`field__input address-edit__region ${label ? '' : 'address-edit__region--empty'}`}>
        {label || '选择省 / 市 / 区'}
      </Text>
      <Text className='muted'>›</Text>
      <Cascader
        visible={open}
        title='选择所在地区'
        options={options}
        closeable
        onClose={() => setOpen(false)}
        onChange={(_value, path) => {
          const [province, city, district] = path.map((node) => String(node.text ?? ''));
          if (province && city && district) onChange({ province, city, district });
          setOpen(false);
        }}
      />
    </View>
  );
}
