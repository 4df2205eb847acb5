import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, LessThan } from 'typeorm';
import { MembershipStatus, ReminderFailure, ReminderStatus } from '@member-commerce/shared';
import { Transactions } from '../database/transactions';
import { Membership } from '../membership/membership.entity';
import { Reminder } from './reminder.entity';
import type { TermEndWindow } from './reminder-schedule';

/**
 * How long a claim belongs to the pass that took it. A CLAIMED row older than this was left by a pass that died
 * before trying it, and is taken over; a SENDING row older than this died mid-send and is never retried.
 */
const CLAIM_LEASE_MS = 10 * 60_000;

/** Claims nobody has tried to send yet: safe to hand to another pass. */
const UNTRIED = [ReminderStatus.CLAIMED, ReminderStatus.READY];

export interface Candidate {
  membershipId: number;
  customerId: number;
  termEnd: Date;
}

/** The claim rows: finding due (term end, rule) pairs, claiming them, and cleaning up after crashed passes. */
@Injectable()
export class ReminderClaims {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Memberships whose end falls in the rule's window and that have no claim for (rule, that end), in
   * (termEnd, id) order after `after`: a range scan on the termEnd index, one page at a time.
   */
  async candidates(
    ruleId: number,
    window: TermEndWindow,
    after: Candidate | null,
    limit: number,
  ): Promise<Candidate[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Membership, 'm')
      .select(['m.id', 'm.customerId', 'm.termEnd'])
      .where('m.termEnd >= :from AND m.termEnd < :to', window)
      .andWhere('m.status <> :revoked', { revoked: MembershipStatus.REVOKED })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM reminder r WHERE r.membershipId = m.id AND r.ruleId = :ruleId AND r.termEnd = m.termEnd)',
        { ruleId },
      )
      .orderBy('m.termEnd', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(limit);
    if (after) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('m.termEnd > :afterEnd', { afterEnd: after.termEnd })
            .orWhere('m.termEnd = :afterEnd AND m.id > :afterId', { afterId: after.membershipId }),
        ),
      );
    }
    const rows = await qb.getMany();
    return rows.map((m) => ({ membershipId: m.id, customerId: m.customerId, termEnd: m.termEnd! }));
  }

  /**
   * Inserts one claim row per candidate; rows another pass already inserted are skipped by the unique
   * (membership, rule, term end) index. Returns the token naming the rows this pass now owns.
   */
  async claim(ruleId: number, candidates: Candidate[], clockNow: Date): Promise<string> {
    const claimToken = randomUUID();
    const values = candidates.map((c) => ({
      ruleId,
      membershipId: c.membershipId,
      customerId: c.customerId,
      termEnd: c.termEnd,
      status: ReminderStatus.CLAIMED,
      claimToken,
      claimedAt: clockNow,
      inApp: false,
    }));
    await this.transactions.run((manager) =>
      manager.createQueryBuilder().insert().into(Reminder).values(values).orIgnore().updateEntity(false).execute(),
    );
    return claimToken;
  }

  /**
   * Claims a crashed pass took but never tried to send (CLAIMED, or READY with the credit already spent): this
   * pass takes them over under a new token (null when there are none).
   */
  async takeOverStale(clockNow: Date, limit: number): Promise<string | null> {
    const cutoff = new Date(clockNow.getTime() - CLAIM_LEASE_MS);
    const stale = await this.dataSource.manager.find(Reminder, {
      select: { id: true },
      where: { status: In(UNTRIED), claimedAt: LessThan(cutoff) },
      order: { id: 'ASC' },
      take: limit,
    });
    if (stale.length === 0) return null;
    const claimToken = randomUUID();
    const result = await this.transactions.run((manager) =>
      manager.update(
        Reminder,
        { id: In(stale.map((r) => r.id)), status: In(UNTRIED), claimedAt: LessThan(cutoff) },
        { claimToken, claimedAt: clockNow },
      ),
    );
    return result.affected === 0 ? null : claimToken;
  }

  /**
   * Sends that never got an answer because their pass died: WeChat may or may not have delivered them, and a
   * reminder is sent at most once, so they are recorded as failed (INTERRUPTED) and shown in-app instead.
   */
  async failInterrupted(clockNow: Date): Promise<number> {
    const cutoff = new Date(clockNow.getTime() - CLAIM_LEASE_MS);
    const result = await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(Reminder)
        .set({
          status: ReminderStatus.FAILED,
          errorCode: ReminderFailure.INTERRUPTED,
          inApp: true,
          remindedAt: () => 'claimedAt',
        })
        .where('status = :sending AND claimedAt < :cutoff', { sending: ReminderStatus.SENDING, cutoff })
        .execute(),
    );
    return result.affected ?? 0;
  }
}
