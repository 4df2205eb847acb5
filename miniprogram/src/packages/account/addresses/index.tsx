import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { useAddresses } from '../../../hooks/use-addresses';
import { Routes } from '../../../routes';
import { chooseAddress } from '../../../services/address-choice';
import { back, go } from '../../../services/navigation';
import './index.css';

export default function AddressesPage() {
  const { params } = useRouter();
  const selecting = Boolean(params.select);
  const { data, error, loading, reload, remove, makeDefault } = useAddresses();

  return (
    <View className='page page--with-bar addresses'>
      <PageState
        loading={loading}
        error={error}
        hasData={Boolean(data)}
        onRetry={reload}
        empty={data?.length === 0}
        emptyText='还没有收货地址'
      >
        {data?.map((a) => (
          <View
            key={a.id}
            className='card addresses__item'
            data-testid='address-item'
            onClick={() => {
              if (!selecting) return;
              chooseAddress(a.id);
              back();
            }}
          >
            <View className='row gap'>
              <Text className='addresses__who'>
                {a.name} {a.phone}
              </Text>
              {a.isDefault && <Text className='addresses__default'>默认</Text>}
            </View>
            <Text className='addresses__line'>
              {a.province}
              {a.city}
              {a.district} {a.detail}
            </Text>
            <View className='addresses__actions' onClick={(e) => e.stopPropagation()}>
              {!a.isDefault && (
                <Text className='addresses__action' onClick={() => makeDefault(a)}>
                  设为默认
                </Text>
              )}
              <Text className='addresses__action' onClick={() => go(Routes.addressEdit, { id: a.id })}>
                编辑
              </Text>
              <Text className='addresses__action addresses__action--danger' onClick={() => remove(a)}>
                删除
              </Text>
            </View>
          </View>
        ))}
      </PageState>
      <View className='action-bar'>
        <Button type='primary' block onClick={() => go(Routes.addressEdit, { select: selecting ? 1 : undefined })}>
          ＋ 新增收货地址
        </Button>
      </View>
    </View>
  );
}
