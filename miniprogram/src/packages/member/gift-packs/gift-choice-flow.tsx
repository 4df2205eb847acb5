import { Text, View } from '@tarojs/components';
import type { AddressView } from '@member-commerce/shared';
import { GiftPackOption } from '../../../components/gift-pack-option';
import { Button } from '../../../components/nut';
import type { useGiftChoice } from '../../../hooks/use-gift-choice';
import { canImportWechatAddress, WECHAT_ADDRESS_UNAVAILABLE } from '../../../services/wechat-address';

type Flow = ReturnType<typeof useGiftChoice>;

const addressLine = (a: AddressView) => `${a.province}${a.city}${a.district} ${a.detail}`;

/** Steps 2 and 3 of choosing a gift pack: where it ships, then a last look before it is claimed. */
export function GiftChoiceFlow({ flow }: { flow: Flow }) {
  const { choice } = flow;
  if (!choice) return null;
  const step = choice.step;
  return (
    <View className='gift-choice' data-testid='gift-choice' data-step={step}>
      <View className='gift-choice__steps'>
        <Text className='gift-choice__step gift-choice__step--done'>① 选择礼包</Text>
        <Text className='gift-choice__step gift-choice__step--on'>② 收货地址</Text>
        <Text className={`gift-choice__step ${step === 'confirm' ? 'gift-choice__step--on' : ''}`}>③ 确认领取</Text>
      </View>
      <View className='card'>
        <Text className='card__title'>{choice.gift.title}</Text>
        <GiftPackOption pack={choice.pack} />
      </View>
      {step === 'address' ? <AddressStep flow={flow} /> : <ConfirmStep flow={flow} />}
    </View>
  );
}

function AddressStep({ flow }: { flow: Flow }) {
  return (
    <View className='card' data-testid='gift-address-step'>
      <Text className='card__title'>寄到哪里</Text>
      {flow.addresses?.length === 0 && <Text className='muted'>还没有收货地址，请先添加</Text>}
      {flow.addresses?.map((a) => (
        <View
          key={a.id}
          className={`gift-choice__address ${flow.address?.id === a.id ? 'gift-choice__address--on' : ''}`}
          onClick={() => flow.selectAddress(a.id)}
          data-testid='gift-address'
          data-selected={flow.address?.id === a.id ? 'yes' : 'no'}
        >
          <View className='gift-choice__address-radio'>{flow.address?.id === a.id ? '✓' : ''}</View>
          <View className='gift-choice__address-text'>
            <Text className='gift-choice__address-who'>
              {a.name} {a.phone}
              {a.isDefault ? <Text className='gift-choice__default'> 默认</Text> : null}
            </Text>
            <Text className='muted'>{addressLine(a)}</Text>
          </View>
        </View>
      ))}
      <View className='gift-choice__address-actions'>
        <Button size='small' onClick={flow.importFromWechat} data-testid='gift-wechat-address'>
          使用微信地址
        </Button>
        <Button size='small' onClick={flow.addNew}>
          新增收货地址
        </Button>
      </View>
      {!canImportWechatAddress && <Text className='gift-choice__note'>{WECHAT_ADDRESS_UNAVAILABLE}</Text>}
      <View className='gift-choice__buttons'>
        <Button onClick={flow.cancel}>重新选择礼包</Button>
        <Button type='primary' disabled={!flow.address} onClick={flow.toConfirm} data-testid='gift-address-next'>
          下一步
        </Button>
      </View>
    </View>
  );
}

function ConfirmStep({ flow }: { flow: Flow }) {
  const a = flow.address;
  return (
    <View className='card' data-testid='gift-confirm-step'>
      <Text className='card__title'>确认领取</Text>
      {a && (
        <View className='gift-choice__confirm-address'>
          <Text className='gift-choice__address-who'>
            寄给 {a.name} {a.phone}
          </Text>
          <Text className='muted'>{addressLine(a)}</Text>
        </View>
      )}
      <Text className='gift-choice__note'>确认后礼包即安排发货，礼包不能再更换；发货前可在订单中修改收货地址。</Text>
      <View className='gift-choice__buttons'>
        <Button onClick={flow.toAddress}>修改地址</Button>
        <Button type='primary' loading={flow.busy} onClick={flow.confirm} data-testid='gift-confirm'>
          确认领取
        </Button>
      </View>
    </View>
  );
}
