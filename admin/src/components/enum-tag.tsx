import { Tag } from 'antd';
import type { Label } from '../labels';

/** A coloured tag for an enum value, e.g. <EnumTag map={ORDER_STATUS} value={order.status} />. */
export function EnumTag<K extends string>({ map, value }: { map: Record<K, Label>; value: K | null | undefined }) {
  if (!value) return <>—</>;
  const label = map[value];
  return <Tag color={label?.color}>{label?.text ?? value}</Tag>;
}
