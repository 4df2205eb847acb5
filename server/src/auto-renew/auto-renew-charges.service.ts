import { Inject, Injectable, Logger } from '@nestjs/common';
import { OrderKind, OrderStatus } from '@member-commerce/shared';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { tierTerms } from '../membership/membership-terms.service';
import { TiersService } from '../membership/tiers.service';
import { OrderClosingService } from '../orders/order-closing.service';
import { OrderLine } from '../orders/order-line.entity';
import { OrderStateMachine } from '../orders/order-state';
import { Order } from '../orders/order.entity';
import { newOutTradeNo } from '../orders/out-trade-no';
import { PaymentSettlementService } from '../payments/payment-settlement.service';
import { PrepayService } from '../payments/prepay.service';
import { WechatApiError } from '../wechat/wechat-api-error';
import { WECHAT_GATEWAY, WechatGateway } from '../wechat/wechat-gateway';
import { AutoRenewContract } from './auto-renew-contract.entity';
import { AutoRenewCycle } from './auto-renew-cycle.entity';

/** What WeChat said about one charge attempt. */
export type ChargeOutcome =
  | { result: 'PAID' }
  | { result: 'FAILED'; error: string; final?: boolean }
  | { result: 'PENDING' };

/** WeChat's trade states that end an attempt without money. */
const FAILED_STATES = ['PAYERROR', 'CLOSED', 'REVOKED'];

/**
 * One charge of a renewal: a MEMBERSHIP order (PENDING_PAYMENT, with its payment row) at the notified amount,
 * WeChat's 申请扣款 under that order's out_trade_no, then WeChat's order query settles it through the same
 * PaymentSettlementService as any paid renewal (term, ledger, coupons, reminders: the order hooks).
 */
@Injectable()
export class AutoRenewChargesService {
  private readonly logger = new Logger(AutoRenewChargesService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly tiers: TiersService,
    private readonly machine: OrderStateMachine,
    private readonly prepay: PrepayService,
    private readonly settlement: PaymentSettlementService,
    private readonly closing: OrderClosingService,
    @Inject(WECHAT_GATEWAY) private readonly wechat: WechatGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async charge(cycle: AutoRenewCycle, contract: AutoRenewContract, now: Date): Promise<ChargeOutcome> {
    let order: Order;
    try {
      order = await this.transactions.run(async (manager) => {
        const tier = await this.tiers.getOnSaleOrThrow(manager, contract.tierId);
        const amountFen = cycle.amountFen;
        const line = manager.create(OrderLine, {
          skuId: null,
          giftPackId: null,
          name: `${tier.name}（自动续费）`,
          image: tier.image,
          quantity: 1,
          unitListPriceFen: amountFen,
          unitPriceFen: amountFen,
          lineTotalFen: amountFen,
        });
        const created = await this.machine.create(
          manager,
          {
            customerId: contract.customerId,
            kind: OrderKind.MEMBERSHIP,
            lines: [line],
            tierId: tier.id,
            tierTerms: { ...tierTerms(tier), priceFen: amountFen },
            giftPackId: null,
            address: null,
            pricedAsTierId: null,
            termId: null,
            parentOrderId: null,
            milestoneId: null,
            paidAt: null,
            closedAt: null,
            refundedFen: 0,
            shippingFen: 0,
            couponId: null,
            couponDiscountFen: 0,
            outTradeNo: newOutTradeNo(now),
            expiresAt: new Date(now.getTime() + this.config.unpaidOrderTtlMinutes * 60_000),
          },
          OrderStatus.PENDING_PAYMENT,
          now,
          `auto-renew contract ${contract.id}`,
        );
        await this.prepay.addPendingPayment(manager, created);
        await manager.update(AutoRenewCycle, { id: cycle.id }, { orderId: created.id });
        return created;
      });
    } catch (error) {
      return {
        result: 'FAILED',
        error: `order: ${(error as { code?: string }).code ?? (error as Error).message}`.slice(0, 128),
        final: true,
      };
    }
    cycle.orderId = order.id;
    try {
      await this.wechat.papayCharge({
        contractId: contract.wechatContractId!,
        outTradeNo: order.outTradeNo,
        description: order.lines[0].name,
        amountFen: order.totalFen,
      });
    } catch (error) {
      await this.giveUp(order.id, order.outTradeNo);
      const code = error instanceof WechatApiError ? String(error.code) : (error as Error).message;
      this.logger.warn(`Auto-renew charge ${order.outTradeNo} refused: ${code}`);
      return { result: 'FAILED', error: code.slice(0, 128) };
    }
    return this.recheck(cycle);
  }

  /** Reads the attempt's transaction at WeChat and settles it (also for attempts a crashed pass left CHARGING). */
  async recheck(cycle: AutoRenewCycle): Promise<ChargeOutcome> {
    if (!cycle.orderId) return { result: 'FAILED', error: 'no order' };
    const order = await this.transactions.run((manager) => manager.findOneByOrFail(Order, { id: cycle.orderId! }));
    if (order.status !== OrderStatus.PENDING_PAYMENT && order.status !== OrderStatus.CLOSED) return { result: 'PAID' };
    const transaction = await this.wechat.queryTransaction(order.outTradeNo);
    if (transaction?.tradeState === 'SUCCESS') {
      const outcome = await this.settlement.settle(transaction);
      return outcome === 'PAID' || outcome === 'ALREADY_PAID'
        ? { result: 'PAID' }
        : { result: 'FAILED', error: `settlement ${outcome}`, final: true };
    }
    if (!transaction || FAILED_STATES.includes(transaction.tradeState)) {
      await this.giveUp(order.id, order.outTradeNo);
      return {
        result: 'FAILED',
        error: transaction
          ? `${transaction.tradeState} ${transaction.tradeStateDesc ?? ''}`.trim().slice(0, 128)
          : 'not found at WeChat',
      };
    }
    return { result: 'PENDING' };
  }

  private async giveUp(orderId: number, outTradeNo: string): Promise<void> {
    if (!(await this.closing.closeIfUnpaid(orderId, 'auto-renew charge failed'))) return;
    await this.wechat.closeTransaction(outTradeNo).catch(() => undefined);
  }
}
