import { fieldKind, formatFen, messageFieldLabel, storefrontPageLabel } from '@member-commerce/shared';
import { offsetLabel } from '../reminders/offset-label';
import { formatDiscountBp, formatTime } from '../../format';
import { BENEFIT_TYPE, MEMBERSHIP_STATUS, ORDER_STATUS, TIER_STATUS } from '../../labels';
import { ROLE_LABELS } from '../../auth/permissions';

/** Chinese names of the fields audit rows carry; a path shows as its names joined by " · ". */
const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  title: '标题',
  subtitle: '副标题',
  description: '描述',
  category: '分类',
  images: '图片',
  image: '图片',
  onSale: '销售状态',
  publicFrom: '会员优先购截止',
  skus: 'SKU',
  code: '编码',
  name: '名称',
  nickname: '昵称',
  listPriceFen: '原价',
  stock: '库存',
  memberPrices: '会员价',
  tierId: '会员卡编号',
  tierCode: '会员卡',
  skuCode: 'SKU',
  skuId: 'SKU 编号',
  priceFen: '价格',
  memberPriceFen: '会员价',
  termEnd: '到期时间',
  days: '延期天数',
  reason: '原因',
  termId: '会员期编号',
  status: '状态',
  termMonths: '期限（月）',
  termDays: '期限（天）',
  defaultDiscountBp: '默认折扣',
  giftPackChoices: '可选礼包数',
  benefitIds: '权益',
  giftPackIds: '礼包',
  benefits: '权益',
  giftPacks: '礼包',
  sortOrder: '排序',
  icon: '图标',
  type: '类型',
  config: '配置',
  hours: '提前小时数',
  amountFen: '金额',
  thresholdFen: '门槛',
  validDays: '有效天数',
  perMonth: '每月发放',
  quantity: '数量',
  phone: '电话',
  wechatId: '微信号',
  valueFen: '价值',
  items: '内含商品',
  productTitle: '商品',
  skuName: '规格',
  giftPackId: '礼包编号',
  milestoneId: '里程碑编号',
  username: '用户名',
  role: '角色',
  refundedFen: '已退款',
  totalFen: '订单金额',
  outTradeNo: '订单号',
  outRefundNo: '退款单号',
  carrier: '快递公司',
  trackingNo: '运单号',
  createdAt: '创建时间',
  from: '从',
  to: '到',
  format: '格式',
  report: '报表',
  rows: '行数',
  offsetDays: '提醒时间',
  page: '打开页面',
  fields: '消息内容',
  enabled: '启用',
  templateId: '消息模板',
  customTemplate: '自定义模板',
  note: '备注',
  count: '数量',
  validUntil: '有效期至',
  orderId: '订单',
  customerId: '顾客',
  membershipId: '会员',
  outcome: '回访结果',
  version: '版本',
  content: '内容',
  flatFeeFen: '运费',
  freeAboveFen: '满额包邮',
  linkType: '跳转类型',
  linkTarget: '跳转目标',
  activeFrom: '开始展示',
  activeTo: '结束展示',
  refundFen: '退款金额',
  approvedFen: '同意退款金额',
  decisionNote: '处理说明',
  resolution: '处理结果',
  wechatCode: '微信返回码',
  autoRenewPriceFen: '自动续费价格',
  trialDays: '试用天数',
  disabled: '停用',
  requestedBy: '申请人',
};

const REPORT_TEXT: Record<string, string> = { ledger: '收入明细', monthly: '月度报表' };

/** Fields that only say "this row was touched". */
const HIDDEN = new Set(['updatedAt']);
/** Keys that name an item of a list (so a list diff reads "NUT-500G / ANNUAL · 价格", not "第 3 项"). */
const IDENTITY_KEYS = ['skuCode', 'tierCode', 'code', 'tierId', 'skuId', 'id'];

const STATUS_TEXT: Record<string, string> = Object.fromEntries(
  [TIER_STATUS, MEMBERSHIP_STATUS, ORDER_STATUS].flatMap((map) => Object.entries(map).map(([key, label]) => [key, label.text])),
);

export interface DiffRow {
  path: string;
  before?: string;
  after?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function identity(item: Record<string, unknown>): string | undefined {
  const keys = IDENTITY_KEYS.filter((key) => item[key] !== undefined && item[key] !== null);
  // skuCode + tierCode together name a price-list line; otherwise the first key present.
  const used = keys.includes('skuCode') && keys.includes('tierCode') ? ['skuCode', 'tierCode'] : keys.slice(0, 1);
  return used.length ? used.map((key) => String(item[key])).join(' / ') : undefined;
}

/** Leaves of a value by readable path; lists of records are keyed by their identity. */
function flatten(value: unknown, path: string[], out: Map<string, { key: string; value: unknown }>): void {
  if (Array.isArray(value) && value.every(isObject) && value.length) {
    value.forEach((item, index) => {
      const id = identity(item) ?? `第 ${index + 1} 项`;
      const idKeys = new Set(IDENTITY_KEYS.filter((key) => item[key] !== undefined));
      for (const [key, child] of Object.entries(item)) {
        if (!idKeys.has(key)) flatten(child, [...path, id, key], out);
      }
    });
    return;
  }
  if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) if (!HIDDEN.has(key)) flatten(child, [...path, key], out);
    return;
  }
  out.set(path.join('\u0000'), { key: path[path.length - 1] ?? '', value });
}

/** A value as staff read it: fen in yuan, times in local time, enums and booleans in Chinese. */
function formatValue(key: string, value: unknown): string {
  if ((value === null || value === undefined) && key === 'memberPriceFen') return '默认折扣';
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((item) => formatValue('', item)).join('、') : '（无）';
  if (typeof value === 'number' && /Fen$/.test(key)) return formatFen(value);
  if (typeof value === 'number' && key === 'defaultDiscountBp') return formatDiscountBp(value);
  if (typeof value === 'number' && key === 'offsetDays') return offsetLabel(value);
  if (typeof value === 'boolean') return key === 'onSale' ? (value ? '在售' : '下架') : value ? '是' : '否';
  if (typeof value === 'string') {
    if (key === 'status' && STATUS_TEXT[value]) return STATUS_TEXT[value];
    if (key === 'type' && value in BENEFIT_TYPE) return BENEFIT_TYPE[value as keyof typeof BENEFIT_TYPE].text;
    if (key === 'role' && value in ROLE_LABELS) return ROLE_LABELS[value as keyof typeof ROLE_LABELS];
    if (key === 'format') return value.toUpperCase();
    if (key === 'report' && REPORT_TEXT[value]) return REPORT_TEXT[value];
    if (key === 'page' && /^\/?(pages|packages)\//.test(value)) return storefrontPageLabel(value);
    if (key === 'offsetDays') return offsetLabel(Number(value));
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatTime(value);
    const text = /<[a-z][^>]*>/i.test(value) ? htmlToText(value) : value;
    return text.length > 120 ? `${text.slice(0, 120)}…` : text;
  }
  return String(value);
}

/** Rich text (product descriptions) read as its words, not its tags. */
function htmlToText(html: string): string {
  const spaced = html.replace(/<\/(p|h\d|li|blockquote)>|<br\s*\/?>/gi, ' ');
  return (new DOMParser().parseFromString(spaced, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

// A template field (thing1) reads as its label; a key this table does not know is not shown raw.
const label = (segment: string) =>
  FIELD_LABELS[segment] ?? (fieldKind(segment) ? messageFieldLabel(segment) : /^[a-z][A-Za-z]*$/.test(segment) ? '其他' : segment);

/** The fields that differ between before and after (all of them for a creation or a deletion). */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const left = new Map<string, { key: string; value: unknown }>();
  const right = new Map<string, { key: string; value: unknown }>();
  if (before !== null && before !== undefined) flatten(before, [], left);
  if (after !== null && after !== undefined) flatten(after, [], right);
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  return paths
    .filter((path) => JSON.stringify(left.get(path)?.value) !== JSON.stringify(right.get(path)?.value))
    .map((path) => {
      const key = (left.get(path) ?? right.get(path))!.key;
      return {
        path: path.split('\u0000').map(label).join(' · ') || '内容',
        // A member price missing on one side means the tier's default discount applied there.
        before: left.has(path) || key === 'memberPriceFen' ? formatValue(key, left.get(path)?.value) : undefined,
        after: right.has(path) || key === 'memberPriceFen' ? formatValue(key, right.get(path)?.value) : undefined,
      };
    });
}

/** A short name for the changed record, from whichever side names it. */
export function recordName(before: unknown, after: unknown): string | undefined {
  for (const side of [after, before]) {
    if (isObject(side)) {
      const name = side.title ?? side.name ?? side.nickname ?? side.username;
      if (typeof name === 'string') return name;
    }
  }
  return undefined;
}
