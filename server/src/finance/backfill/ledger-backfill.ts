import { DataSource } from 'typeorm';
import type { TermUnit } from '@member-commerce/shared';
import { termEnd } from '../../membership/term-rules';
import { LedgerService, toDate } from '../ledger.service';
import { markRevenueDirty } from '../report/revenue-dirty';
import { termBoughtBy } from '../../membership/bought-term';

export interface BackfillResult {
  payments: number;
  refunds: number;
  grants: number;
  /** Shipped welcome gift packs read (DELIVERY entries) and PAYMENT entries given their goods allocation. */
  deliveries: number;
  allocated: number;
  written: number;
}

type Time = string | Date;

/**
 * Writes the ledger entries that data from before the ledger hooks lacks: every successful membership payment
 * and refund, and every staff-granted term. Idempotent (entries are keyed by their source), so it can run again.
 * Reads other features' tables with raw SQL: finance sits downstream of orders and payments and must not import them.
 */
export async function backfillLedger(
  dataSource: DataSource,
  ledger: LedgerService,
  timeZone: string,
): Promise<BackfillResult> {
  const payments: {
    paymentId: number;
    transactionId: string | null;
    amountFen: number;
    succeededAt: Time | null;
    paidAt: Time | null;
    orderId: number;
    outTradeNo: string;
    customerId: number;
    tierId: number | null;
    tierTerms: string | null;
  }[] = await dataSource.query(
    `SELECT p.id AS paymentId, p.transactionId AS transactionId, o.totalFen AS amountFen, p.succeededAt AS succeededAt, o.paidAt AS paidAt,
            o.id AS orderId, o.outTradeNo AS outTradeNo, o.customerId AS customerId, o.tierId AS tierId, o.tierTerms AS tierTerms
       FROM payment p JOIN customer_order o ON o.id = p.orderId
      WHERE p.status = 'SUCCESS' AND o.kind = 'MEMBERSHIP' ORDER BY p.id`,
  );
  const refunds: {
    refundId: number;
    wechatRefundId: string | null;
    amountFen: number;
    succeededAt: Time | null;
    updatedAt: Time;
    orderId: number;
    outTradeNo: string;
    customerId: number;
    tierId: number | null;
  }[] = await dataSource.query(
    `SELECT r.id AS refundId, r.refundId AS wechatRefundId, r.amountFen AS amountFen, r.succeededAt AS succeededAt, r.updatedAt AS updatedAt,
              o.id AS orderId, o.outTradeNo AS outTradeNo, o.customerId AS customerId, o.tierId AS tierId
         FROM refund r JOIN customer_order o ON o.id = r.orderId
        WHERE r.status = 'SUCCESS' AND o.kind = 'MEMBERSHIP' ORDER BY r.id`,
  );
  const grants: {
    id: number;
    membershipId: number;
    tierId: number;
    start: Time;
    end: Time;
    createdAt: Time;
    customerId: number;
  }[] = await dataSource.query(
    `SELECT t.id AS id, t.membershipId AS membershipId, t.tierId AS tierId, t.start AS start, t.\`end\` AS \`end\`, t.createdAt AS createdAt, m.customerId AS customerId
       FROM membership_term t JOIN membership m ON m.id = t.membershipId WHERE t.source = 'STAFF_GRANT' ORDER BY t.id`,
  );
  const before = await countEntries(dataSource);

  for (const row of payments) {
    await dataSource.transaction(async (manager) => {
      const term = await termBoughtBy(manager, row.orderId);
      if (!term) return;
      const start = toDate(term.start);
      // The term may since have been cut or truncated by a refund: the fee was spread over the term as sold.
      const sold = row.tierTerms ? (JSON.parse(row.tierTerms) as { termUnit: TermUnit; termLength: number }) : null;
      const plannedEnd = sold
        ? termEnd(start, { unit: sold.termUnit, length: sold.termLength }, timeZone)
        : toDate(term.end);
      // The hook stamps the entry when the order turned PAID (our clock), not WeChat's success time.
      const at = toDate(row.paidAt ?? row.succeededAt ?? term.start);
      await ledger.recordPayment(manager, {
        order: {
          id: Number(row.orderId),
          outTradeNo: row.outTradeNo,
          customerId: Number(row.customerId),
          tierId: row.tierId === null ? null : Number(row.tierId),
        },
        paymentId: Number(row.paymentId),
        transactionId: row.transactionId,
        amountFen: Number(row.amountFen),
        term: {
          id: Number(term.id),
          membershipId: Number(term.membershipId),
          tierId: Number(term.tierId),
          start,
          end: plannedEnd,
        },
        at,
      });
    });
  }
  for (const row of refunds) {
    await dataSource.transaction((manager) =>
      ledger.recordRefund(manager, {
        order: {
          id: Number(row.orderId),
          outTradeNo: row.outTradeNo,
          customerId: Number(row.customerId),
          tierId: row.tierId === null ? null : Number(row.tierId),
        },
        refundId: Number(row.refundId),
        wechatRefundId: row.wechatRefundId,
        amountFen: Number(row.amountFen),
        termId: null,
        at: toDate(row.succeededAt ?? row.updatedAt),
      }),
    );
  }
  for (const row of grants) {
    await dataSource.transaction((manager) =>
      ledger.recordGrant(
        manager,
        {
          id: Number(row.id),
          membershipId: Number(row.membershipId),
          tierId: Number(row.tierId),
          start: toDate(row.start),
          end: toDate(row.end),
        },
        Number(row.customerId),
        toDate(row.createdAt),
      ),
    );
  }
  const deliveries: {
    giftOrderId: number;
    customerId: number;
    shippedAt: Time;
    termId: number;
    tierId: number;
    membershipOrderId: number;
  }[] = await dataSource.query(
    `SELECT g.id AS giftOrderId, g.customerId AS customerId, g.shippedAt AS shippedAt, t.id AS termId, t.tierId AS tierId, t.orderId AS membershipOrderId
       FROM customer_order g JOIN membership_term t ON t.id = g.termId
      WHERE g.kind = 'GIFT' AND g.milestoneId IS NULL AND g.shippedAt IS NOT NULL AND t.orderId IS NOT NULL ORDER BY g.id`,
  );
  for (const row of deliveries) {
    await dataSource.transaction((manager) =>
      ledger.recordDelivery(manager, {
        membershipOrderId: Number(row.membershipOrderId),
        giftOrderId: Number(row.giftOrderId),
        customerId: Number(row.customerId),
        tierId: Number(row.tierId),
        termId: Number(row.termId),
        at: toDate(row.shippedAt),
      }),
    );
  }
  const allocated = await allocateUnallocatedPayments(dataSource, ledger);
  return {
    payments: payments.length,
    refunds: refunds.length,
    grants: grants.length,
    deliveries: deliveries.length,
    allocated,
    written: (await countEntries(dataSource)) - before,
  };
}

/**
 * PAYMENT entries written before revenue allocation (goodsFen NULL) get the goods share of their fee from today's
 * standalone selling prices: the only figure the ledger derives rather than records, so it may be filled in later.
 */
async function allocateUnallocatedPayments(dataSource: DataSource, ledger: LedgerService): Promise<number> {
  const rows: {
    id: number;
    customerId: number;
    amountFen: number;
    tierId: number | null;
    giftPackId: number | null;
  }[] = await dataSource.query(
    `SELECT e.id AS id, e.customerId AS customerId, e.amountFen AS amountFen, e.tierId AS tierId, o.giftPackId AS giftPackId
       FROM ledger_entry e LEFT JOIN customer_order o ON o.id = e.orderId
      WHERE e.kind = 'PAYMENT' AND e.goodsFen IS NULL ORDER BY e.id`,
  );
  for (const row of rows) {
    await dataSource.transaction(async (manager) => {
      const goodsFen = await ledger.allocationOf(manager, {
        feeFen: Number(row.amountFen),
        tierId: row.tierId === null ? null : Number(row.tierId),
        giftPackId: row.giftPackId === null ? null : Number(row.giftPackId),
      });
      await manager.query('UPDATE ledger_entry SET goodsFen = ? WHERE id = ? AND goodsFen IS NULL', [goodsFen, row.id]);
      await markRevenueDirty(manager, Number(row.customerId));
    });
  }
  return rows.length;
}

async function countEntries(dataSource: DataSource): Promise<number> {
  const [row]: { n: number | string }[] = await dataSource.query('SELECT COUNT(*) AS n FROM ledger_entry');
  return Number(row.n);
}
