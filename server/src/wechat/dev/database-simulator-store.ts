import { DataSource, EntityManager, In, Like } from 'typeorm';
import { isUniqueViolation } from '../../common/api-exception.filter';
import { findRows, insertRow, updateRows } from '../../database/rows';
import { Transactions } from '../../database/transactions';
import { DevWechatKeys } from './dev-wechat-keys.entity';
import { DevWechatMessage } from './dev-wechat-message.entity';
import { DevWechatOrder } from './dev-wechat-order.entity';
import { DevWechatRefund } from './dev-wechat-refund.entity';
import { DevWechatRefusal } from './dev-wechat-refusal.entity';
import { generateSimulatorKeys, SimulatorKeys } from './simulator-keys';
import type {
  SimulatedMessage,
  SimulatedOrder,
  SimulatedOrderState,
  SimulatedRefund,
  SimulatedRefundStatus,
  SimulatorStore,
} from './simulator-store';

/**
 * The dev simulator's state in the app's database: a restart keeps settling orders created before it, and
 * every API process sees the same transactions. Writes go through Transactions so that on SQLite they never
 * land inside another request's open transaction.
 */
export class DatabaseSimulatorStore implements SimulatorStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async findOrder(outTradeNo: string): Promise<SimulatedOrder | undefined> {
    const [row] = await findRows(this.dataSource.manager, DevWechatOrder, { outTradeNo });
    return row ? withoutNulls<SimulatedOrder>(row) : undefined;
  }

  insertOrder(order: SimulatedOrder): Promise<boolean> {
    return this.insert((manager) =>
      insertRow(manager, DevWechatOrder, { transactionId: null, successTime: null, ...order }),
    );
  }

  async insertOrders(orders: SimulatedOrder[]): Promise<void> {
    for (let i = 0; i < orders.length; i += 200) {
      const chunk = orders.slice(i, i + 200).map((order) => ({ transactionId: null, successTime: null, ...order }));
      await this.transactions.run((manager) =>
        manager.createQueryBuilder().insert().into(DevWechatOrder).values(chunk).orIgnore().execute(),
      );
    }
  }

  updateOrder(outTradeNo: string, from: SimulatedOrderState[], patch: Partial<SimulatedOrder>): Promise<boolean> {
    return this.transactions
      .single((manager) => updateRows(manager, DevWechatOrder, { outTradeNo, state: from }, patch))
      .then((changed) => changed > 0);
  }

  async findRefund(outRefundNo: string): Promise<SimulatedRefund | undefined> {
    const row = await this.dataSource.manager.findOneBy(DevWechatRefund, { outRefundNo });
    return row ? withoutNulls<SimulatedRefund>(row) : undefined;
  }

  async refundsOf(outTradeNo: string): Promise<SimulatedRefund[]> {
    return (await this.dataSource.manager.findBy(DevWechatRefund, { outTradeNo })).map((row) =>
      withoutNulls<SimulatedRefund>(row),
    );
  }

  insertRefund(refund: SimulatedRefund): Promise<boolean> {
    return this.insert((manager) => manager.insert(DevWechatRefund, { successTime: null, ...refund }));
  }

  updateRefund(outRefundNo: string, from: SimulatedRefundStatus[], patch: Partial<SimulatedRefund>): Promise<boolean> {
    return this.write((manager) => manager.update(DevWechatRefund, { outRefundNo, status: In(from) }, patch));
  }

  async transactionsOn(day: string): Promise<{ orders: SimulatedOrder[]; refunds: SimulatedRefund[] }> {
    const orders = await this.dataSource.manager.findBy(DevWechatOrder, { successTime: Like(`${day}T%`) });
    const refunds = await this.dataSource.manager.findBy(DevWechatRefund, { createTime: Like(`${day}T%`) });
    return {
      orders: orders.map((row) => withoutNulls<SimulatedOrder>(row)),
      refunds: refunds.map((row) => withoutNulls<SimulatedRefund>(row)),
    };
  }

  async appendMessage(message: SimulatedMessage): Promise<void> {
    await this.transactions.run((manager) =>
      manager.insert(DevWechatMessage, {
        openid: message.openid,
        templateId: message.templateId,
        page: message.page ?? null,
        data: message.data,
        miniprogramState: message.miniprogramState ?? null,
        errcode: message.errcode,
        sentAt: new Date(message.sentAt),
      }),
    );
  }

  async listMessages(limit: number): Promise<SimulatedMessage[]> {
    const rows = await this.dataSource.manager.find(DevWechatMessage, { order: { id: 'DESC' }, take: limit });
    return rows.map(({ id: _id, sentAt, page, miniprogramState, ...rest }) => ({
      ...rest,
      ...(page !== null && { page }),
      ...(miniprogramState !== null && { miniprogramState }),
      sentAt: sentAt.toISOString(),
    }));
  }

  async refuseMessagesFor(openid: string): Promise<void> {
    await this.insert((manager) => manager.insert(DevWechatRefusal, { openid }));
  }

  async refusesMessages(openid: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(DevWechatRefusal, { openid });
  }

  async setRefundRefusal(outTradeNo: string, refuse: boolean): Promise<void> {
    const key = refundRefusalKey(outTradeNo);
    if (refuse) await this.insert((manager) => manager.insert(DevWechatRefusal, { openid: key }));
    else await this.transactions.run((manager) => manager.delete(DevWechatRefusal, { openid: key }));
  }

  async refusesRefunds(outTradeNo: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(DevWechatRefusal, { openid: refundRefusalKey(outTradeNo) });
  }

  async processingRefunds(createdBefore: string, limit: number): Promise<SimulatedRefund[]> {
    const rows = await this.dataSource.manager.find(DevWechatRefund, {
      where: { status: 'PROCESSING' },
      order: { createTime: 'ASC' },
      take: limit * 4,
    });
    return rows
      .map((row) => withoutNulls<SimulatedRefund>(row))
      .filter((refund) => refund.createTime <= createdBefore)
      .slice(0, limit);
  }

  /** Every write is one atomic statement: no transaction of its own on MySQL (`Transactions.single`). */
  private async write(work: (manager: EntityManager) => Promise<{ affected?: number | null }>): Promise<boolean> {
    return ((await this.transactions.single(work)).affected ?? 0) > 0;
  }

  private insert(work: (manager: EntityManager) => Promise<unknown>): Promise<boolean> {
    return insertUnlessPresent(this.transactions, work);
  }
}

/** The simulator's keys, generated by the first process to start and shared by all that follow. */
export async function loadOrCreateSimulatorKeys(
  dataSource: DataSource,
  transactions: Transactions,
): Promise<SimulatorKeys> {
  const stored = await dataSource.manager.findOneBy(DevWechatKeys, { name: 'simulator' });
  if (stored) return stored;
  // Two processes starting at once both generate; the one that loses the insert reads the winner's keys.
  await insertUnlessPresent(transactions, (manager) =>
    manager.insert(DevWechatKeys, { name: 'simulator', ...generateSimulatorKeys() }),
  );
  return dataSource.manager.findOneByOrFail(DevWechatKeys, { name: 'simulator' });
}

/** The refusal table holds users refusing messages and, under this key, orders whose refunds the merchant cannot pay. */
const refundRefusalKey = (outTradeNo: string) => `refund:${outTradeNo}`;

/** Runs an insert; false when the row's key already exists. */
async function insertUnlessPresent(
  transactions: Transactions,
  work: (manager: EntityManager) => Promise<unknown>,
): Promise<boolean> {
  try {
    await transactions.single(work);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Rows keep absent optional fields as NULL; the simulator's shapes leave them out. */
function withoutNulls<T>(row: object): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;
}
