import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import {
  CARRIER_CODES,
  CARRIERS,
  isCarrierCode,
  TRACKING_NO_PATTERN,
  type AfterSalesView,
} from '@member-commerce/shared';
import { submitReturnShipment } from '../../services/api/after-sales';
import { toApiError } from '../../services/api-error';
import { CopyText } from '../copy-text';
import { Button } from '../nut';
import './index.css';

interface Props {
  request: AfterSalesView;
  onChanged: (updated: AfterSalesView) => void;
}

/** An approved return: where to send the goods, and the carrier and tracking number the customer sent them with. */
export function ReturnShipment({ request, onChanged }: Props) {
  const shipment = request.returnShipment;
  const [editing, setEditing] = useState(!shipment);
  const [carrier, setCarrier] = useState(shipment?.carrier ?? '');
  const [trackingNo, setTrackingNo] = useState(shipment?.trackingNo ?? '');
  const [saving, setSaving] = useState(false);
  const address = request.returnAddress;

  async function submit() {
    const number = trackingNo.trim();
    if (!isCarrierCode(carrier)) return Taro.showToast({ title: '请选择快递公司', icon: 'none' });
    if (!TRACKING_NO_PATTERN.test(number))
      return Taro.showToast({ title: '快递单号须为 6–40 位字母、数字或 -', icon: 'none' });
    setSaving(true);
    try {
      const updated = await submitReturnShipment(request.id, { carrier, trackingNo: number });
      setEditing(false);
      await Taro.showToast({ title: '已提交退货单号', icon: 'success' });
      onChanged(updated);
    } catch (e) {
      await Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <View className='return-shipment' data-testid='return-shipment' onClick={(e) => e.stopPropagation()}>
      {address && (
        <View className='return-shipment__address' data-testid='return-address'>
          <View className='row row--between'>
            <Text className='return-shipment__title'>退货地址</Text>
            <CopyText value={`${address.name} ${address.phone} ${address.address}`} testId='copy-return-address' />
          </View>
          <Text className='return-shipment__who'>
            {address.name} {address.phone}
          </Text>
          <Text className='return-shipment__line'>{address.address}</Text>
          <Text className='muted return-shipment__hint'>请勿寄到付件；寄出后填写快递单号，商家收货后退款</Text>
        </View>
      )}
      {shipment && !editing ? (
        <View className='row row--between' data-testid='return-tracking'>
          <Text className='return-shipment__line'>
            已寄回：{shipment.carrierName} {shipment.trackingNo}
          </Text>
          <Text className='return-shipment__edit' onClick={() => setEditing(true)}>
            修改
          </Text>
        </View>
      ) : (
        <View className='return-shipment__form'>
          <Text className='return-shipment__title'>退货快递</Text>
          <View className='return-shipment__carriers'>
            {CARRIER_CODES.map((code) => (
              <Text
                key={code}
                className={`return-shipment__carrier ${carrier === code ? 'return-shipment__carrier--on' : ''}`}
                onClick={() => setCarrier(code)}
              >
                {CARRIERS[code]}
              </Text>
            ))}
          </View>
          <Input
            className='return-shipment__input'
            data-testid='return-tracking-input'
            placeholder='填写快递单号'
            value={trackingNo}
            maxlength={40}
            onInput={(e) => setTrackingNo(e.detail.value)}
          />
          <Button type='primary' size='small' loading={saving} onClick={submit} data-testid='return-submit'>
            提交单号
          </Button>
        </View>
      )}
    </View>
  );
}
