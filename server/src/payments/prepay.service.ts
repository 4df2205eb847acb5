import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ErrorCode, PaymentStatus, WechatPaymentParams } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { conflict } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { insertRow, upsertRow } from '../database/rows';
import { Transactions } from '../database/transactions';
import { Customer } from '../customers/customer.entity';
import { Order } from '../orders/order.entity';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';
import { Payment } from './payment.entity';

const OPENIDS_KEPT = 50_000;

/**
 * The payment side of a new order: WeChat's prepay order, its payment row and the signed parameters, in that order.
 * The row is written once, with the prepay id, before the parameters are returned: nobody can pay an order whose
 * payment row does not exist yet (and should a process die between the prepay and the row, the order stays unpaid
 * and unpayable until "pay again" writes the row, or it expires; settlement would still write it, see
 * PaymentSettlementService).
 */
@Injectable()
export class PrepayService {
  private readonly openids = new Map<number, string>();

  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(Customer) private readonly customers: Repository<Customer>,
    private readonly clock: Clock,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** In the order's creating transaction (it rolls back). WeChat never sees an order of 0 fen: there is nothing to pay. */
  assertPayable(order: Order): void {
    if (order.totalFen <= 0)
      throw conflict(ErrorCode.ORDER_TOTAL_INVALID, 'An order must cost at least ¥0.01 to be paid');
  }

  /**
   * In the order's creating transaction, for an order WeChat charges without a prepay (an auto-renew deduction on
   * its contract): its pending payment row.
   */
  async addPendingPayment(manager: EntityManager, order: Order): Promise<void> {
    this.assertPayable(order);
    await insertRow(manager, Payment, {
      orderId: order.id,
      outTradeNo: order.outTradeNo,
      amountFen: order.totalFen,
      status: PaymentStatus.PENDING,
    });
  }

  /** `wx.requestPayment` parameters for an order still awaiting payment. */
  async paymentParams(order: Order): Promise<WechatPaymentParams> {
    const openid = await this.openidOf(order.customerId);
    const { prepayId, params } = await this.wechat.createJsapiPayment({
      outTradeNo: order.outTradeNo,
      description: describe(order),
      amountFen: order.totalFen,
      payerOpenid: openid,
      expiresAt: order.expiresAt ?? new Date(this.clock.now().getTime() + this.config.unpaidOrderTtlMinutes * 60_000),
    });
    await this.transactions.single((manager) => this.recordPrepay(manager, order, prepayId));
    return params;
  }

  /** The pending payment with its prepay id, one statement; "pay again" only refreshes the prepay id. */
  private async recordPrepay(manager: EntityManager, order: Order, prepayId: string): Promise<void> {
    await upsertRow(
      manager,
      Payment,
      {
        orderId: order.id,
        outTradeNo: order.outTradeNo,
        amountFen: order.totalFen,
        status: PaymentStatus.PENDING,
        prepayId,
      },
      ['orderId'],
      ['prepayId'],
    );
  }

  /** A customer's openid never changes (it is who they are at WeChat), so each process reads it once. */
  private async openidOf(customerId: number): Promise<string> {
    const known = this.openids.get(customerId);
    if (known) return known;
    const { openid } = await this.customers.findOneByOrFail({ id: customerId });
    if (this.openids.size >= OPENIDS_KEPT) this.openids.clear();
    this.openids.set(customerId, openid);
    return openid;
  }
}

function describe(order: Order): string {
  const first = order.lines?.[0]?.name ?? '订单';
  const more = (order.lines?.length ?? 0) > 1 ? ` 等${order.lines.length}件` : '';
  return `${first}${more}`.slice(0, 120);
}
