import type { EntityManager } from 'typeorm';

/**
 * How each audited target is named to staff: a business identifier (order number, member name and phone tail,
 * product title, tier name), never its id. Read by table name so the audit log imports no feature.
 */
const NAMES: Record<string, { table: string; select: string; join?: [string, string, string] }> = {
  order: { table: 'customer_order', select: 't.outTradeNo' },
  tier: { table: 'tier', select: 't.name' },
  product: { table: 'product', select: 't.title' },
  sku: { table: 'sku', select: 't.name' },
  gift_pack: { table: 'gift_pack', select: 't.name' },
  benefit: { table: 'benefit', select: 't.title' },
  milestone: { table: 'milestone', select: 't.title' },
  banner: { table: 'banner', select: 't.title' },
  reminder_rule: { table: 'reminder_rule', select: 't.name' },
  staff_user: { table: 'staff_user', select: 't.username' },
  customer: { table: 'customer', select: 't.nickname' },
  membership: { table: 'membership', select: 'c.nickname', join: ['customer', 'c', 'c.id = t.customerId'] },
  after_sales: {
    table: 'after_sales_request',
    select: 'o.outTradeNo',
    join: ['customer_order', 'o', 'o.id = t.orderId'],
  },
};

/** The member's name with the last four digits of the phone, as support says it on a call. */
function memberName(nickname: string, phone: string | null | undefined): string {
  return phone && phone.length >= 4 ? `${nickname}（尾号 ${phone.slice(-4)}）` : nickname;
}

/** `entity:id` → name, for the rows of one audit page (one query per kind of target). */
export async function auditEntityNames(
  manager: EntityManager,
  rows: { entity: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const byEntity = new Map<string, Set<number>>();
  for (const row of rows) {
    const id = Number(row.entityId);
    if (NAMES[row.entity] && Number.isInteger(id))
      byEntity.set(row.entity, (byEntity.get(row.entity) ?? new Set()).add(id));
  }
  for (const [entity, ids] of byEntity) {
    const spec = NAMES[entity];
    const qb = manager.createQueryBuilder().select('t.id', 'id').addSelect(spec.select, 'name').from(spec.table, 't');
    if (spec.join) qb.leftJoin(spec.join[0], spec.join[1], spec.join[2]);
    if (entity === 'membership') qb.addSelect('c.phone', 'phone');
    qb.where('t.id IN (:...ids)', { ids: [...ids] });
    for (const row of await qb.getRawMany<{ id: number; name: string | null; phone?: string | null }>()) {
      if (row.name)
        names.set(`${entity}:${row.id}`, entity === 'membership' ? memberName(row.name, row.phone) : row.name);
    }
  }
  return names;
}
