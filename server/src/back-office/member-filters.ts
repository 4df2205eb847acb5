import { Brackets, SelectQueryBuilder } from 'typeorm';
import { DAY_MS, MembershipStatus } from '@member-commerce/shared';
import type { Membership } from '../membership/membership.entity';
import type { MemberQueryDto } from './dto/member-query.dto';

/** Applies the staff member filters to a query over `Membership m` joined with `Customer c`. */
export function applyMemberFilters(
  qb: SelectQueryBuilder<Membership>,
  query: MemberQueryDto,
  now: Date,
): SelectQueryBuilder<Membership> {
  const revoked = MembershipStatus.REVOKED;
  if (query.q)
    qb.andWhere(new Brackets((w) => w.where('c.nickname LIKE :q', { q: `%${query.q}%` }).orWhere('c.phone LIKE :q')));
  if (query.tierId) qb.andWhere('m.tierId = :tierId', { tierId: query.tierId });
  if (query.status === MembershipStatus.REVOKED) qb.andWhere('m.status = :revoked', { revoked });
  if (query.status === MembershipStatus.ACTIVE)
    qb.andWhere('m.status <> :revoked AND m.termEnd > :now', { revoked, now });
  if (query.status === MembershipStatus.EXPIRED)
    qb.andWhere('m.status <> :revoked AND (m.termEnd IS NULL OR m.termEnd <= :now)', { revoked, now });
  if (query.expiresWithinDays !== undefined) {
    const until = new Date(now.getTime() + query.expiresWithinDays * DAY_MS);
    qb.andWhere('m.status <> :revoked AND m.termEnd > :now AND m.termEnd <= :until', { revoked, now, until });
  }
  // customer_tag_link belongs to customer-profile (which builds on this folder): read by table, not entity.
  if (query.tagId)
    qb.andWhere('c.id IN (SELECT tl.customerId FROM customer_tag_link tl WHERE tl.tagId = :tagId)', {
      tagId: query.tagId,
    });
  return qb;
}
