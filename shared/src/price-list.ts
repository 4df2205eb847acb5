import type { Fen } from './money';

/**
 * The price-list file (CSV, UTF-8 with BOM): one row per SKU and tier. Export and import use the same columns;
 * only `SKU编码`, `会员卡编码` and `会员价(元)` are read on import, the others help the person editing the file.
 * An empty member price means "no own price": the tier's default discount applies.
 */
export const PRICE_LIST_COLUMNS = {
  skuCode: 'SKU编码',
  productTitle: '商品',
  skuName: '规格',
  listPrice: '原价(元)',
  tierCode: '会员卡编码',
  tierName: '会员卡',
  memberPrice: '会员价(元)',
} as const;

/** Why one row of an imported price list cannot be applied. */
export const PriceListRowError = {
  UNKNOWN_SKU: 'UNKNOWN_SKU',
  UNKNOWN_TIER: 'UNKNOWN_TIER',
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  TOO_MANY_DECIMALS: 'TOO_MANY_DECIMALS',
  BELOW_ONE_FEN: 'BELOW_ONE_FEN',
  ABOVE_LIST_PRICE: 'ABOVE_LIST_PRICE',
  DUPLICATE_ROW: 'DUPLICATE_ROW',
} as const;
export type PriceListRowError = (typeof PriceListRowError)[keyof typeof PriceListRowError];

export type PriceListChange = 'ADD' | 'UPDATE' | 'REMOVE' | 'UNCHANGED';

export interface PriceListPreviewRow {
  /** Line in the file (the header is line 1). */
  line: number;
  skuCode: string;
  tierCode: string;
  productTitle?: string;
  skuName?: string;
  tierName?: string;
  listPriceFen?: Fen;
  oldPriceFen: Fen | null;
  newPriceFen: Fen | null;
  /** Set when the row has no errors. */
  change?: PriceListChange;
  errors: { code: PriceListRowError; message: string }[];
}

export interface PriceListSummary {
  rows: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  invalid: number;
}

/**
 * `POST /api/admin/price-list/preview`. A file with any invalid row applies nothing; `token` fingerprints the
 * file and the prices it was compared with, and apply refuses a token that no longer matches.
 */
export interface PriceListPreview {
  token: string;
  canApply: boolean;
  summary: PriceListSummary;
  rows: PriceListPreviewRow[];
}

export interface PriceListFileRequest {
  csv: string;
}

export interface ApplyPriceListRequest extends PriceListFileRequest {
  token: string;
}

export interface PriceListApplyResult {
  summary: PriceListSummary;
}
