/**
 * WeChat subscribe-message fields: the key names the kind (`thing1`, `time2`, ...) and each kind has its limits.
 * Staff write field texts with placeholders; `checkMessageFields` renders them with a sample and checks the limits
 * on save, `renderMessageFields` fills them at send time (and cuts a too-long tier name rather than fail).
 */

/** Placeholders a field may use, with the sample used to check limits on save. */
export const MESSAGE_PLACEHOLDERS = {
  tierName: '年卡会员',
  termEnd: '2026年12月31日 10:00',
  daysLeft: '30',
  /** Auto-renew: what will be charged, and when (the day before the term ends). */
  chargeAmount: '¥1,000.00',
  chargeDate: '2026年12月30日 10:00',
  /** Grace period (宽限期): member prices kept until then. */
  graceUntil: '2027年1月3日 10:00',
} as const;
export type MessagePlaceholder = keyof typeof MESSAGE_PLACEHOLDERS;
export type MessageContext = Record<MessagePlaceholder, string>;

interface FieldKind {
  maxLength: number;
  pattern?: RegExp;
  hint: string;
}

const DATE = String.raw`\d{4}年\d{1,2}月\d{1,2}日`;
const CLOCK = String.raw`\d{1,2}:\d{2}`;

/** WeChat's documented limits per kind. */
export const FIELD_KINDS: Record<string, FieldKind> = {
  thing: { maxLength: 20, hint: '≤ 20 个字' },
  name: { maxLength: 10, hint: '≤ 10 个字' },
  phrase: { maxLength: 5, pattern: /^[\u4e00-\u9fa5]+$/, hint: '≤ 5 个汉字' },
  number: { maxLength: 32, pattern: /^\d+(\.\d+)?$/, hint: '数字，≤ 32 位' },
  letter: { maxLength: 32, pattern: /^[A-Za-z]+$/, hint: '字母，≤ 32 个' },
  character_string: { maxLength: 32, pattern: /^[\x21-\x7e]+$/, hint: '字母数字符号，≤ 32 个' },
  amount: { maxLength: 14, pattern: /^[¥￥]?\d{1,10}(\.\d{1,2})?元?$/, hint: '金额，如 ¥1000.00' },
  time: {
    maxLength: 40,
    pattern: new RegExp(`^(${DATE} )?${CLOCK}$|^${DATE}$`),
    hint: '时间，如 2026年12月31日 10:00',
  },
  date: { maxLength: 40, pattern: new RegExp(`^${DATE}( ${CLOCK})?$`), hint: '日期，如 2026年12月31日' },
  phone_number: { maxLength: 17, pattern: /^[\d+\-() ]+$/, hint: '电话号码' },
};

const KEY = /^([a-z_]+?)(\d+)$/;
const PLACEHOLDER = /\{(\w+)\}/g;

export interface FieldProblem {
  key: string;
  message: string;
}

/** The kind of a field key (`thing1` → `thing`), or undefined. */
export function fieldKind(key: string): string | undefined {
  const kind = key.match(KEY)?.[1];
  return kind && FIELD_KINDS[kind] ? kind : undefined;
}

/** Replaces `{placeholder}`s; an unknown placeholder is left as written. */
export function fillPlaceholders(text: string, context: MessageContext): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    name in context ? context[name as MessagePlaceholder] : whole,
  );
}

/** Every problem with a rule's fields, rendered with the sample context; [] when WeChat would accept them. */
export function checkMessageFields(fields: Record<string, string>): FieldProblem[] {
  const keys = Object.keys(fields);
  if (keys.length === 0) return [{ key: '', message: '至少需要一个字段' }];
  if (keys.length > 10) return [{ key: '', message: '最多 10 个字段' }];
  const problems: FieldProblem[] = [];
  for (const key of keys) {
    const kind = fieldKind(key);
    if (!kind) {
      problems.push({ key, message: '不是微信模板的字段名' });
      continue;
    }
    const unknown = [...fields[key].matchAll(PLACEHOLDER)]
      .map((m) => m[1])
      .find((name) => !(name in MESSAGE_PLACEHOLDERS));
    if (unknown) {
      problems.push({ key, message: '含有无法识别的会员信息占位' });
      continue;
    }
    const value = fillPlaceholders(fields[key], MESSAGE_PLACEHOLDERS).trim();
    const limit = FIELD_KINDS[kind];
    if (value.length === 0) problems.push({ key, message: '不能为空' });
    else if ([...value].length > limit.maxLength)
      problems.push({ key, message: `须${limit.hint}（现为 ${[...value].length} 个字）` });
    else if (limit.pattern && !limit.pattern.test(value)) problems.push({ key, message: `格式不符：${limit.hint}` });
  }
  return problems;
}

/** The `data` WeChat expects, filled for one member; text kinds are cut to their limit (a long tier name). */
export function renderMessageFields(
  fields: Record<string, string>,
  context: MessageContext,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, text] of Object.entries(fields)) {
    const kind = fieldKind(key);
    const value = fillPlaceholders(text, context).trim();
    const max = kind ? FIELD_KINDS[kind].maxLength : 20;
    const chars = [...value];
    data[key] = { value: chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value };
  }
  return data;
}

/**
 * What a renewal reminder says instead when the member has an active auto-renew contract (the term renews by
 * itself): auto-renew is on, the amount and date of the charge, and how to cancel. Keys of the renewal template.
 */
export const AUTO_RENEW_REMINDER_FIELDS: Record<string, string> = {
  thing1: '{tierName}将自动续费',
  time2: '{chargeDate}',
  thing3: '扣{chargeAmount}，会员页可取消',
};

/** What each placeholder stands for, as staff read it in the rule form. */
export const MESSAGE_PLACEHOLDER_LABELS: Record<string, string> = {
  tierName: '会员卡名称',
  termEnd: '到期时间',
  daysLeft: '剩余天数',
  chargeAmount: '自动续费金额',
  chargeDate: '自动续费扣款日',
  graceUntil: '宽限期截止',
};

/**
 * The Chinese name of each field of the shop's renewal template (WeChat's 会员到期提醒 kind: the name shown in
 * the subscribe message beside each value). A field outside it is named by its kind.
 */
export const RENEWAL_TEMPLATE_FIELD_LABELS: Record<string, string> = {
  thing1: '会员名称',
  time2: '到期时间',
  thing3: '温馨提示',
};

const KIND_LABELS: Record<string, string> = {
  thing: '文字',
  name: '姓名',
  phrase: '短语',
  number: '数字',
  letter: '字母',
  character_string: '编号',
  amount: '金额',
  time: '时间',
  date: '日期',
  phone_number: '电话',
};

/** The label staff see for a template field key: the template's own name, else its kind and position. */
export function messageFieldLabel(key: string): string {
  if (RENEWAL_TEMPLATE_FIELD_LABELS[key]) return RENEWAL_TEMPLATE_FIELD_LABELS[key];
  const kind = fieldKind(key);
  return kind ? `${KIND_LABELS[kind]}字段 ${key.match(KEY)?.[2] ?? ''}`.trim() : '字段';
}
