import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode, OrderKind, OrderStatus } from '@member-commerce/shared';
import { isUniqueViolation } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { OrderStateMachine } from '../orders/order-state';
import { Order } from '../orders/order.entity';
import { WechatTradeEvent } from './wechat-trade-event.entity';

/** The JSON WeChat's message push (plaintext mode) posts for the shipping-information service. */
export interface TradeEventBody {
  Event?: string;
  CreateTime?: number;
  transaction_id?: string;
  merchant_trade_no?: string;
  confirm_receive_time?: number;
  settlement_time?: number;
  [key: string]: unknown;
}

const seconds = (value: unknown): Date | null =>
  typeof value === 'number' && value > 0 ? new Date(value * 1000) : null;

/**
 * Trade-management events WeChat pushes (`trade_manage_order_settlement`, `trade_manage_remind_shipping`, …):
 * each is stored once as received; a settlement that says the customer confirmed receipt in WeChat completes
 * the shipped order (or the welcome gift shipped on that payment).
 */
@Injectable()
export class WechatTradeEventsService {
  private readonly logger = new Logger(WechatTradeEventsService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly machine: OrderStateMachine,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** WeChat's push signature: sha1 of token, timestamp and nonce sorted and joined. */
  verify(query: { signature?: string; timestamp?: string; nonce?: string }): boolean {
    const token = this.config.wechat.pushToken;
    if (!token || !query.signature || !query.timestamp || !query.nonce) return false;
    const expected = createHash('sha1').update([token, query.timestamp, query.nonce].sort().join('')).digest('hex');
    const given = Buffer.from(query.signature.toLowerCase());
    return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
  }

  async receive(body: TradeEventBody): Promise<void> {
    const event = typeof body.Event === 'string' ? body.Event.slice(0, 64) : '';
    if (!event.startsWith('trade_manage_')) return; // other pushes are not ours to handle
    const outTradeNo = typeof body.merchant_trade_no === 'string' ? body.merchant_trade_no.slice(0, 32) : null;
    const confirmReceiveAt = seconds(body.confirm_receive_time);
    try {
      await this.transactions.run(async (manager) => {
        const row = manager.create(WechatTradeEvent, {
          event,
          transactionId: typeof body.transaction_id === 'string' ? body.transaction_id.slice(0, 32) : '',
          outTradeNo,
          createTime: Number.isInteger(body.CreateTime) ? (body.CreateTime as number) : 0,
          confirmReceiveAt,
          settledAt: seconds(body.settlement_time),
          payload: { ...body },
        });
        await manager.save(row);
        if (!confirmReceiveAt || !outTradeNo) return;
        const paid = await manager.findOneBy(Order, { outTradeNo });
        if (!paid) return;
        const shipped =
          paid.kind === OrderKind.MEMBERSHIP
            ? await manager.findOneBy(Order, {
                parentOrderId: paid.id,
                kind: OrderKind.GIFT,
                status: OrderStatus.SHIPPED,
              })
            : paid;
        if (shipped?.status !== OrderStatus.SHIPPED) return;
        await this.machine.transition(
          manager,
          shipped,
          OrderStatus.COMPLETED,
          this.clock.now(),
          'receipt confirmed in WeChat',
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) return; // WeChat redelivered an event we hold
      if (error instanceof DomainError && error.code === ErrorCode.INVALID_ORDER_TRANSITION) return;
      throw error;
    }
    this.logger.log(`WeChat ${event} for ${outTradeNo ?? body.transaction_id ?? '?'}`);
  }
}
