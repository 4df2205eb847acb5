import { Fen, formatFen } from '@member-commerce/shared';

/** What a pack's contents are worth at list price: Σ SKU list price × quantity. */
export const contentsValueFen = (items: { quantity: number; sku?: { listPriceFen: number } | null }[]): Fen =>
  items.reduce((sum, item) => sum + (item.sku?.listPriceFen ?? 0) * item.quantity, 0);

/**
 * How a tier's text may speak of its welcome gift: the least valuable option ("价值 1294 元起"), so the text
 * never promises more than the pack the member actually picks.
 */
export const giftValueClaim = (packValuesFen: Fen[]): string =>
  packValuesFen.length === 0
    ? ''
    : `价值 ${formatFen(Math.min(...packValuesFen), { decimals: false })}${new Set(packValuesFen).size > 1 ? ' 起' : ''}`;
