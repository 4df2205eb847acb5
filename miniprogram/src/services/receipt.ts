import Taro from '@tarojs/taro';
import type { OrderView } from '@member-commerce/shared';
import { confirmReceipt, getReceiptParams } from './api/orders';
import { isWeapp } from './env';

/**
 * The customer confirms a parcel arrived. In the mini-program through WeChat's own confirm-receipt component
 * (`wx.openBusinessView`, businessType `weappOrderConfirm`), which WeChat requires of shops under its
 * shipping-information service; it returns to us through `onAppShow` with `referrerInfo.extraData.status`.
 * In H5 a plain confirmation. Either way the server then completes the order. Resolves whether it was confirmed.
 */
export async function confirmOrderReceipt(order: OrderView): Promise<boolean> {
  if (!isWeapp) {
    const { confirm } = await Taro.showModal({
      title: '确认收货',
      content: '请确认已收到全部商品',
      confirmText: '确认收货',
      cancelText: '还没收到',
    });
    if (!confirm) return false;
    await confirmReceipt(order.id);
    return true;
  }
  const params = await getReceiptParams(order.id);
  const returned = new Promise<boolean>((resolve) => {
    const onShow = (options: { referrerInfo?: { extraData?: { status?: string } } }) => {
      Taro.offAppShow(onShow);
      resolve(options.referrerInfo?.extraData?.status === 'success');
    };
    Taro.onAppShow(onShow);
  });
  await Taro.openBusinessView({
    businessType: 'weappOrderConfirm',
    // Taro types only the WeChat Pay score views; weappOrderConfirm takes the payment's merchant ids.
    extraData: {
      merchant_id: params.merchantId,
      merchant_trade_no: params.merchantTradeNo,
    } as unknown as Taro.openBusinessView.Option['extraData'],
  });
  if (!(await returned)) return false;
  await confirmReceipt(order.id);
  return true;
}
