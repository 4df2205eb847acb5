import Taro from '@tarojs/taro';

/**
 * The cart remembers only what the customer chose (product, SKU, quantity). Prices are never stored:
 * the cart and checkout pages ask the server for them every time.
 */
export interface CartLine {
  productId: number;
  skuId: number;
  quantity: number;
}

const KEY = 'mc.cart';

export function readCart(): CartLine[] {
  const lines = Taro.getStorageSync<CartLine[]>(KEY);
  return Array.isArray(lines) ? lines : [];
}

function write(lines: CartLine[]) {
  Taro.setStorageSync(KEY, lines);
  updateBadge(lines);
}

export function addToCart(line: CartLine) {
  const lines = readCart();
  const existing = lines.find((l) => l.skuId === line.skuId);
  if (existing) existing.quantity += line.quantity;
  else lines.push(line);
  write(lines);
}

export function setQuantity(skuId: number, quantity: number) {
  write(readCart().map((l) => (l.skuId === skuId ? { ...l, quantity } : l)));
}

export function removeFromCart(skuIds: number[]) {
  write(readCart().filter((l) => !skuIds.includes(l.skuId)));
}

/** Cart tab index 2 (routes.ts TabRoutes); the badge is a hint, so errors are ignored. */
export function updateBadge(lines = readCart()) {
  const count = lines.reduce((n, l) => n + l.quantity, 0);
  const done = () => undefined;
  if (count > 0) Taro.setTabBarBadge({ index: 2, text: String(Math.min(count, 99)) }).catch(done);
  else Taro.removeTabBarBadge({ index: 2 }).catch(done);
}

/** Checkout carries its lines in the URL: "productId.skuId.quantity,…". */
export const encodeLines = (lines: CartLine[]) => lines.map((l) => `${l.productId}.${l.skuId}.${l.quantity}`).join(',');

/** A route parameter may arrive still percent-encoded (H5's router hands "4.5.1%2C1.1.1" to the page). */
function decodedParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function decodeLines(value = ''): CartLine[] {
  return decodedParam(value)
    .split(',')
    .map((part) => part.split('.').map(Number))
    .filter((n) => n.length === 3 && n.every((x) => Number.isInteger(x) && x > 0))
    .map(([productId, skuId, quantity]) => ({ productId, skuId, quantity }));
}
