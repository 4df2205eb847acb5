// Orders and after-sales requests built through the API for the storefront-orders specs (and their screenshots).
import { apiClient } from './api.mjs';

export async function staffApi(baseUrl, username = 'admin', password = 'admin123') {
  const { token } = await apiClient(baseUrl).post('/api/admin/auth/login', { username, password });
  return apiClient(baseUrl, token);
}

/** A product order of `quantity` cartons of milk to a new address of the customer; paid unless told. */
export async function milkOrder(baseUrl, token, { quantity = 1, paid = true } = {}) {
  const api = apiClient(baseUrl, token);
  const address = await api.post('/api/me/addresses', {
    name: '李四',
    phone: '13900139000',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    detail: '文三路 1 号',
  });
  const body = await api.get('/api/products?pageSize=100');
  const sku = (Array.isArray(body) ? body : body.items).flatMap((p) => p.skus).find((s) => s.code === 'MILK-24');
  const created = await api.post('/api/orders', { items: [{ skuId: sku.id, quantity }], addressId: address.id });
  if (paid) await apiClient(baseUrl).post(`/api/dev/wechat/pay/${created.order.outTradeNo}/confirm`);
  return created.order;
}

/** A paid order that staff shipped with SF. */
export async function shippedOrder(baseUrl, token, trackingNo = 'SF1300000001') {
  const order = await milkOrder(baseUrl, token);
  const staff = await staffApi(baseUrl);
  await staff.post(`/api/admin/orders/${order.id}/ship`, { carrier: 'SF', trackingNo });
  return order;
}
