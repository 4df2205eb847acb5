import Taro from '@tarojs/taro';
import { OrderKind, type OrderView } from '@member-commerce/shared';
import { Routes } from '../routes';
import { cancelOrder, reorder, repayOrder } from '../services/api/orders';
import { toApiError } from '../services/api-error';
import { addToCart } from '../services/cart';
import { go } from '../services/navigation';
import { payOrder } from '../services/payment';
import { confirmOrderReceipt } from '../services/receipt';

/** What a customer does with an order from the list or its detail: pay, cancel, track, confirm receipt, buy again. */
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

  /** 查看物流: the carrier and tracking number, copied with one tap. */
  async function logistics(order: OrderView) {
    if (!order.shipment) return;
    const { carrierName, trackingNo } = order.shipment;
    const { confirm } = await Taro.showModal({
      title: '物流信息',
      content: `${carrierName}\n运单号 ${trackingNo}`,
      confirmText: '复制单号',
      cancelText: '关闭',
    });
    if (confirm) await Taro.setClipboardData({ data: trackingNo });
  }

  async function confirmReceipt(order: OrderView) {
    try {
      if (await confirmOrderReceipt(order)) await Taro.showToast({ title: '已确认收货', icon: 'success' });
    } catch (error) {
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    }
    onChanged();
  }

  /** 再来一单: the server says which SKUs can go into the cart again; the customer is told what could not. */
  async function buyAgain(order: OrderView) {
    try {
      const { items, unavailable } = await reorder(order.id);
      items.forEach((item) => addToCart(item));
      if (unavailable.length > 0) {
        await Taro.showModal({
          title: items.length > 0 ? '部分商品已加入购物车' : '商品暂时买不到了',
          content: unavailable.map((line) => `${line.name}：${line.reason}`).join('\n'),
          showCancel: false,
          confirmText: '知道了',
        });
      }
      if (items.length > 0) go(Routes.cart);
    } catch (error) {
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    }
  }

  return { pay, cancel, logistics, confirmReceipt, buyAgain };
}
