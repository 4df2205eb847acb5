import Taro from '@tarojs/taro';
import { OrderKind, type OrderView } from '@member-commerce/shared';
import { cancelOrder, repayOrder } from '../services/api/orders';
import { toApiError } from '../services/api-error';
import { payOrder } from '../services/payment';

/** "Pay again" and "cancel" for a still-unpaid order. */
export function useOrderActions(onChanged: () => void) {
  async function pay(order: OrderView) {
    try {
      const payment = await repayOrder(order.id);
      await payOrder(order, payment, order.kind === OrderKind.MEMBERSHIP ? 'membership' : 'product');
    } catch (error) {
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
      onChanged();
    }
  }

  async function cancel(order: OrderView) {
    const { confirm } = await Taro.showModal({
      title: '取消订单',
      content: '确定取消这笔未支付的订单？',
      confirmText: '取消订单',
      cancelText: '再想想',
    });
    if (!confirm) return;
    try {
      await cancelOrder(order.id);
      await Taro.showToast({ title: '订单已取消', icon: 'success' });
    } catch (error) {
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    }
    onChanged();
  }

  return { pay, cancel };
}
