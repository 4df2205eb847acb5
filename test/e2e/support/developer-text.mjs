// Developer text that must never reach staff: each rule names what it found, so a failure reads as a to-do list.

/** Status and kind codes of shared/ enums that, printed bare, are developer words. */
const ENUM_WORDS = [
  'PENDING_PAYMENT',
  'PAID',
  'SHIPPED',
  'COMPLETED',
  'CLOSED',
  'REFUNDING',
  'REFUNDED',
  'ACTIVE',
  'EXPIRED',
  'REVOKED',
  'GRACE',
  'LAPSED',
  'CANCELLED',
  'PENDING',
  'PENDING_SIGN',
  'SENT',
  'FAILED',
  'DRAFT',
  'ARCHIVED',
  'SUCCESS',
  'PROCESSING',
  'ABNORMAL',
  'MEMBERSHIP',
  'PRODUCT',
  'GIFT',
  'NO_CONSENT',
  'INTERRUPTED',
  'TRANSPORT',
  'RETURN_REFUND',
  'REFUND_ONLY',
];

const RULES = [
  // Four or more English words in a row ("An order that is …", "WeChat Pay refused the refund").
  ['English sentence', /\b[A-Za-z][a-z']*(?:[ ,]+[A-Za-z][a-z']*){3,}/g],
  // UPPER_SNAKE codes (ORDER_NOT_EXIST, SKU_OUT_OF_STOCK).
  ['raw code', /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g],
  ['enum value', new RegExp(`(?<![A-Za-z0-9_])(?:${ENUM_WORDS.join('|')})(?![A-Za-z0-9_])`, 'g')],
  // "#97", "按会员卡定价 #2", "（#1）".
  ['internal id', /#\d+/g],
  // "商品详情：8", "会员卡 ID：3".
  ['internal id', /(?:详情|编号|ID|id)[：:]\s*\d+\b/g],
  ['template key', /\b(?:thing|time|date|amount|phrase|name|number|letter|character_string|phone_number)\d+\b/g],
  ['template placeholder', /\{[A-Za-z]+\}/g],
  ['page path', /(?:^|[\s(（])\/?(?:pages|packages)\/[\w/-]+/g],
  // Audit action keys: tier.create, after-sales.approve-return (file names like a.csv are not).
  ['audit action key', /\b[a-z]+(?:[_-][a-z]+)*\.[a-z]+(?:[_.-][a-z]+)*\b/g],
];

const FILE_OR_HOST = /\.(?:csv|xlsx|png|jpe?g|gif|webp|com|cn|net|qq|pdf)$/i;
/** WeChat's own product names and short abbreviations a Chinese console uses as is. */
const ALLOWED_ENGLISH = /^(?:WeChat Pay|SKU|ID|CSV|XLSX|API)$/;

/** Every piece of developer text in `text`, as "kind: excerpt". */
export function developerText(text) {
  const hits = new Set();
  for (const [kind, pattern] of RULES) {
    for (const match of text.matchAll(pattern)) {
      const found = match[0].trim();
      if (kind === 'audit action key' && FILE_OR_HOST.test(found)) continue;
      if (kind === 'English sentence' && ALLOWED_ENGLISH.test(found)) continue;
      const at = match.index ?? 0;
      const excerpt = text.slice(Math.max(0, at - 20), at + found.length + 20).replace(/\s+/g, ' ');
      hits.add(`${kind} "${found}" in "…${excerpt}…"`);
    }
  }
  return [...hits];
}
