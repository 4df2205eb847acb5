import { MESSAGE_PLACEHOLDER_LABELS } from '@member-commerce/shared';

/**
 * Staff write and read placeholders by name: "{tierName}即将到期" is shown and typed as "【会员卡名称】即将到期";
 * the server stores and renders the `{tierName}` form.
 */
export function toStaffText(text: string): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    MESSAGE_PLACEHOLDER_LABELS[name] ? `【${MESSAGE_PLACEHOLDER_LABELS[name]}】` : whole,
  );
}

const BY_LABEL = new Map(Object.entries(MESSAGE_PLACEHOLDER_LABELS).map(([name, label]) => [label, name]));

export function fromStaffText(text: string): string {
  return text.replace(/【([^】]+)】/g, (whole, label: string) => (BY_LABEL.has(label) ? `{${BY_LABEL.get(label)}}` : whole));
}

/** Placeholders a rule of this kind may insert (auto-renew wording is the server's; grace has its end date). */
export function placeholdersFor(kind: 'RENEWAL' | 'GRACE'): { name: string; label: string }[] {
  const names = kind === 'GRACE' ? ['tierName', 'graceUntil'] : ['tierName', 'termEnd', 'daysLeft'];
  return names.map((name) => ({ name, label: MESSAGE_PLACEHOLDER_LABELS[name] }));
}
