import { createHash } from 'node:crypto';
import {
  Fen,
  fenToYuanString,
  parseYuanText,
  PriceListChange,
  PriceListPreview,
  PriceListPreviewRow,
  PriceListRowError,
  PriceListSummary,
} from '@member-commerce/shared';
import type { PriceListFileRow } from './price-list-csv';

export interface SkuFacts {
  id: number;
  code: string;
  productTitle: string;
  skuName: string;
  listPriceFen: Fen;
}

export interface TierFacts {
  id: number;
  code: string;
  name: string;
}

/** What the database holds now, for the SKUs and tiers the file names. */
export interface PriceListState {
  skus: Map<string, SkuFacts>;
  tiers: Map<string, TierFacts>;
  /** Current own price by `${skuId}:${tierId}`. */
  prices: Map<string, Fen>;
}

/** A row ready to write, with ids resolved. */
export interface PlannedPrice {
  skuId: number;
  tierId: number;
  skuCode: string;
  tierCode: string;
  oldPriceFen: Fen | null;
  newPriceFen: Fen | null;
  change: Exclude<PriceListChange, 'UNCHANGED'>;
}

const yuan = (fen: Fen) => `${fenToYuanString(fen)} 元`;

function parsePrice(
  text: string,
  listPriceFen: Fen | undefined,
): { fen: Fen | null; errors: PriceListPreviewRow['errors'] } {
  if (text === '') return { fen: null, errors: [] };
  if (/^-/.test(text.trim()))
    return { fen: null, errors: [{ code: PriceListRowError.BELOW_ONE_FEN, message: `会员价 ${text} 低于 0.01 元` }] };
  if (/^\d+\.\d{3,}$/.test(text.trim()))
    return {
      fen: null,
      errors: [{ code: PriceListRowError.TOO_MANY_DECIMALS, message: `会员价 ${text} 超过两位小数` }],
    };
  const fen = parseYuanText(text);
  if (fen === undefined)
    return { fen: null, errors: [{ code: PriceListRowError.INVALID_AMOUNT, message: `会员价 ${text} 不是金额` }] };
  if (fen < 1) return { fen: null, errors: [{ code: PriceListRowError.BELOW_ONE_FEN, message: '会员价低于 0.01 元' }] };
  if (listPriceFen !== undefined && fen > listPriceFen) {
    return {
      fen: null,
      errors: [
        { code: PriceListRowError.ABOVE_LIST_PRICE, message: `会员价 ${yuan(fen)} 高于原价 ${yuan(listPriceFen)}` },
      ],
    };
  }
  return { fen, errors: [] };
}

function changeOf(oldPriceFen: Fen | null, newPriceFen: Fen | null): PriceListChange {
  if (oldPriceFen === newPriceFen) return 'UNCHANGED';
  if (oldPriceFen === null) return 'ADD';
  return newPriceFen === null ? 'REMOVE' : 'UPDATE';
}

/**
 * Compares the file with the database, row by row. Pure: the same file against the same prices always gives
 * the same preview and token, which is how apply proves it writes exactly what was previewed.
 */
export function comparePriceList(
  fileHash: string,
  rows: PriceListFileRow[],
  state: PriceListState,
): { preview: PriceListPreview; planned: PlannedPrice[] } {
  const seen = new Map<string, number>();
  const planned: PlannedPrice[] = [];
  const previewRows = rows.map((row): PriceListPreviewRow => {
    const sku = state.skus.get(row.skuCode);
    const tier = state.tiers.get(row.tierCode);
    const errors: PriceListPreviewRow['errors'] = [];
    if (!sku)
      errors.push({ code: PriceListRowError.UNKNOWN_SKU, message: `没有编码为 ${row.skuCode || '（空）'} 的 SKU` });
    if (!tier)
      errors.push({ code: PriceListRowError.UNKNOWN_TIER, message: `没有编码为 ${row.tierCode || '（空）'} 的会员卡` });
    const price = parsePrice(row.memberPrice, sku?.listPriceFen);
    errors.push(...price.errors);
    const key = `${row.skuCode}\u0000${row.tierCode}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined)
      errors.push({ code: PriceListRowError.DUPLICATE_ROW, message: `与第 ${firstLine} 行重复` });
    else seen.set(key, row.line);

    const oldPriceFen = sku && tier ? (state.prices.get(`${sku.id}:${tier.id}`) ?? null) : null;
    const base = {
      line: row.line,
      skuCode: row.skuCode,
      tierCode: row.tierCode,
      productTitle: sku?.productTitle,
      skuName: sku?.skuName,
      tierName: tier?.name,
      listPriceFen: sku?.listPriceFen,
      oldPriceFen,
      newPriceFen: price.fen,
      errors,
    };
    if (errors.length || !sku || !tier) return base;
    const change = changeOf(oldPriceFen, price.fen);
    if (change !== 'UNCHANGED')
      planned.push({
        skuId: sku.id,
        tierId: tier.id,
        skuCode: sku.code,
        tierCode: tier.code,
        oldPriceFen,
        newPriceFen: price.fen,
        change,
      });
    return { ...base, change };
  });

  const count = (change: PriceListChange) => previewRows.filter((row) => row.change === change).length;
  const summary: PriceListSummary = {
    rows: previewRows.length,
    added: count('ADD'),
    updated: count('UPDATE'),
    removed: count('REMOVE'),
    unchanged: count('UNCHANGED'),
    invalid: previewRows.filter((row) => row.errors.length).length,
  };
  const token = createHash('sha256').update(fileHash).update(JSON.stringify(previewRows)).digest('hex').slice(0, 32);
  return {
    preview: { token, canApply: summary.invalid === 0 && summary.rows > 0, summary, rows: previewRows },
    planned,
  };
}
