import type { SubscribeMessageInput } from '../wechat-gateway';

export type SimulatedOrderState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND' | 'PAYERROR';
export type SimulatedRefundStatus = 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';

export interface SimulatedOrder {
  appid: string;
  mchid: string;
  outTradeNo: string;
  prepayId: string;
  description: string;
  amountFen: number;
  openid: string;
  expiresAt: string;
  notifyUrl: string;
  attach: string;
  state: SimulatedOrderState;
  transactionId?: string;
  successTime?: string;
}

export interface SimulatedRefund {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  refundFen: number;
  totalFen: number;
  status: SimulatedRefundStatus;
  successTime?: string;
  createTime: string;
}

export interface SimulatedMessage extends SubscribeMessageInput {
  sentAt: string;
  errcode: number;
}

/**
 * Where the simulated WeChat keeps its transactions, refunds and message log. The app uses the database
 * (so a restart or a second process sees the same payments); unit tests and the fake WeChat server keep it
 * in memory. Changes are conditional on the current state, so two processes cannot both move one order.
 */
export interface SimulatorStore {
  findOrder(outTradeNo: string): Promise<SimulatedOrder | undefined>;
  /** Returns false when the out_trade_no already exists. */
  insertOrder(order: SimulatedOrder): Promise<boolean>;
  /** Many at once (the demo seed's payments); existing out_trade_nos are left as they are. */
  insertOrders(orders: SimulatedOrder[]): Promise<void>;
  /** Applies `patch` only while the order is in one of `from`; returns whether it did. */
  updateOrder(outTradeNo: string, from: SimulatedOrderState[], patch: Partial<SimulatedOrder>): Promise<boolean>;
  findRefund(outRefundNo: string): Promise<SimulatedRefund | undefined>;
  refundsOf(outTradeNo: string): Promise<SimulatedRefund[]>;
  /** Returns false when the out_refund_no already exists. */
  insertRefund(refund: SimulatedRefund): Promise<boolean>;
  updateRefund(outRefundNo: string, from: SimulatedRefundStatus[], patch: Partial<SimulatedRefund>): Promise<boolean>;
  /**
   * The day's bill data: orders paid on `day` ("YYYY-MM-DD", Beijing time, as WeChat's success time starts) and
   * refunds accepted on it (create time).
   */
  transactionsOn(day: string): Promise<{ orders: SimulatedOrder[]; refunds: SimulatedRefund[] }>;
  appendMessage(message: SimulatedMessage): Promise<void>;
  /** Newest first. */
  listMessages(limit: number): Promise<SimulatedMessage[]>;
  refuseMessagesFor(openid: string): Promise<void>;
  refusesMessages(openid: string): Promise<boolean>;
  /** Tests: the merchant's balance cannot pay this order's refunds (WeChat's NOT_ENOUGH). */
  setRefundRefusal(outTradeNo: string, refuse: boolean): Promise<void>;
  refusesRefunds(outTradeNo: string): Promise<boolean>;
  /** Refunds still PROCESSING that were created at or before `createdBefore` (WeChat time text), oldest first. */
  processingRefunds(createdBefore: string, limit: number): Promise<SimulatedRefund[]>;
}

/** The simulator's state in this process only: for unit tests and the fake WeChat server of the live-mode tests. */
export class MemorySimulatorStore implements SimulatorStore {
  private readonly orders = new Map<string, SimulatedOrder>();
  private readonly refunds = new Map<string, SimulatedRefund>();
  private readonly messages: SimulatedMessage[] = [];
  private readonly refusing = new Set<string>();
  private readonly refusingRefunds = new Set<string>();

  async findOrder(outTradeNo: string) {
    const order = this.orders.get(outTradeNo);
    return order && { ...order };
  }
  async insertOrder(order: SimulatedOrder) {
    if (this.orders.has(order.outTradeNo)) return false;
    this.orders.set(order.outTradeNo, { ...order });
    return true;
  }
  async insertOrders(orders: SimulatedOrder[]) {
    for (const order of orders) await this.insertOrder(order);
  }
  async updateOrder(outTradeNo: string, from: SimulatedOrderState[], patch: Partial<SimulatedOrder>) {
    const order = this.orders.get(outTradeNo);
    if (!order || !from.includes(order.state)) return false;
    Object.assign(order, patch);
    return true;
  }
  async findRefund(outRefundNo: string) {
    const refund = this.refunds.get(outRefundNo);
    return refund && { ...refund };
  }
  async refundsOf(outTradeNo: string) {
    return [...this.refunds.values()]
      .filter((refund) => refund.outTradeNo === outTradeNo)
      .map((refund) => ({ ...refund }));
  }
  async insertRefund(refund: SimulatedRefund) {
    if (this.refunds.has(refund.outRefundNo)) return false;
    this.refunds.set(refund.outRefundNo, { ...refund });
    return true;
  }
  async updateRefund(outRefundNo: string, from: SimulatedRefundStatus[], patch: Partial<SimulatedRefund>) {
    const refund = this.refunds.get(outRefundNo);
    if (!refund || !from.includes(refund.status)) return false;
    Object.assign(refund, patch);
    return true;
  }
  async transactionsOn(day: string) {
    return {
      orders: [...this.orders.values()]
        .filter((order) => order.successTime?.startsWith(day))
        .map((order) => ({ ...order })),
      refunds: [...this.refunds.values()]
        .filter((refund) => refund.createTime.startsWith(day))
        .map((refund) => ({ ...refund })),
    };
  }
  async appendMessage(message: SimulatedMessage) {
    this.messages.unshift(message);
    if (this.messages.length > 500) this.messages.pop();
  }
  async listMessages(limit: number) {
    return this.messages.slice(0, limit);
  }
  async refuseMessagesFor(openid: string) {
    this.refusing.add(openid);
  }
  async refusesMessages(openid: string) {
    return this.refusing.has(openid);
  }
  async setRefundRefusal(outTradeNo: string, refuse: boolean) {
    if (refuse) this.refusingRefunds.add(outTradeNo);
    else this.refusingRefunds.delete(outTradeNo);
  }
  async refusesRefunds(outTradeNo: string) {
    return this.refusingRefunds.has(outTradeNo);
  }
  async processingRefunds(createdBefore: string, limit: number) {
    return [...this.refunds.values()]
      .filter((refund) => refund.status === 'PROCESSING' && refund.createTime <= createdBefore)
      .slice(0, limit)
      .map((refund) => ({ ...refund }));
  }
}
