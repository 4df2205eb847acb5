import { formatFen } from '@member-commerce/shared';

/** Fen as yuan for finance screens: "¥1,234.56" (negative: "-¥…"). */
export const yuan = (fen: number) => formatFen(fen);
