import { Inject, Injectable, Logger } from '@nestjs/common';
import { IsNull, LessThan, Or } from 'typeorm';
import { CARRIERS } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { Customer } from '../customers/customer.entity';
import { Transactions } from '../database/transactions';
import { OrderLine } from '../orders/order-line.entity';
import { Order } from '../orders/order.entity';
import {
  ShippingInfoInput,
  WECHAT_MINI_PROGRAM,
  WechatMiniProgramGateway,
  WechatResult,
} from '../wechat/mini-program/mini-program-gateway';
import { WechatShipping } from './wechat-shipping.entity';
import {
  expressParcel,
  isRetryable,
  itemDescription,
  MAX_ACCEPTED_UPLOADS,
  MAX_AUTOMATIC_ATTEMPTS,
  MODIFICATION_USED_ERRCODE,
  retryDelayMs,
  UNCHANGED_ERRCODE,
} from './wechat-shipping-rules';

/** How long one process holds a row while it talks to WeChat. */
const CLAIM_MS = 60_000;

/**
 * Uploads one order's shipping information to WeChat, outside any transaction: the row is claimed (so the job
 * and a staff retry never upload it twice at once), the content is read fresh from the order, WeChat is asked,
 * and its answer is recorded (uploaded, or failed with its errcode and, when it may pass later, the next attempt).
 */
@Injectable()
export class WechatShippingUploader {
  private readonly logger = new Logger(WechatShippingUploader.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(WECHAT_MINI_PROGRAM) private readonly wechat: WechatMiniProgramGateway,
  ) {}

  /** Returns false when another process holds the row. */
  async upload(id: number): Promise<boolean> {
    const now = this.clock.now();
    const claimed = await this.transactions.run((manager) =>
      manager.update(
        WechatShipping,
        { id, claimedUntil: Or(IsNull(), LessThan(now)) },
        { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
      ),
    );
    if (!claimed.affected) return false;
    try {
      const row = await this.transactions.run((manager) => manager.findOneByOrFail(WechatShipping, { id }));
      if (row.status === 'UPLOADED') return true;
      if (row.acceptedUploads >= MAX_ACCEPTED_UPLOADS) {
        // Refused here, before WeChat is called: its answer would be 10060003 anyway.
        await this.record(
          row,
          { errcode: MODIFICATION_USED_ERRCODE, errmsg: '支付单已使用重新发货机会' },
          undefined,
          now,
        );
        return true;
      }
      const input = await this.content(row, now);
      const answer = await this.wechat
        .uploadShippingInfo(input)
        .catch((error: Error): WechatResult => ({ errcode: -1, errmsg: error.message.slice(0, 200) }));
      await this.record(row, answer, input, now);
      return true;
    } finally {
      await this.transactions.run((manager) => manager.update(WechatShipping, { id }, { claimedUntil: null }));
    }
  }

  private async content(row: WechatShipping, now: Date): Promise<ShippingInfoInput> {
    return this.transactions.run(async (manager) => {
      const paid = await manager.findOneByOrFail(Order, { id: row.orderId });
      const customer = await manager.findOneByOrFail(Customer, { id: paid.customerId });
      const base = { outTradeNo: paid.outTradeNo, payerOpenid: customer.openid, uploadTime: now };
      const fallback = paid.tierTerms?.tierName ?? '会员服务';
      if (!row.shippedOrderId) {
        const lines = await manager.findBy(OrderLine, { orderId: paid.id });
        return { ...base, logisticsType: 3, shippingList: [{ itemDesc: itemDescription(lines, fallback) }] };
      }
      const shipped = await manager.findOneByOrFail(Order, { id: row.shippedOrderId });
      const lines = await manager.findBy(OrderLine, { orderId: shipped.id });
      if (!shipped.carrier || !shipped.trackingNo) throw new Error(`order ${shipped.id} has no tracking number yet`);
      return {
        ...base,
        logisticsType: 1,
        shippingList: [
          expressParcel(
            shipped.carrier,
            shipped.trackingNo,
            itemDescription(lines, CARRIERS[shipped.carrier]),
            shipped.address?.phone,
          ),
        ],
      };
    });
  }

  private async record(
    row: WechatShipping,
    answer: WechatResult,
    input: ShippingInfoInput | undefined,
    now: Date,
  ): Promise<void> {
    const accepted = answer.errcode === 0;
    const done = accepted || answer.errcode === UNCHANGED_ERRCODE;
    const parcel = input?.shippingList[0];
    await this.transactions.run(async (manager) => {
      if (accepted) await manager.increment(WechatShipping, { id: row.id }, 'acceptedUploads', 1);
      // Staff changed the tracking number while WeChat was being asked: the newer content still has to go up.
      const current = await manager.findOneByOrFail(WechatShipping, { id: row.id });
      const stale = current.revision !== row.revision;
      const attempts = row.attempts + 1;
      await manager.update(
        WechatShipping,
        { id: row.id },
        done
          ? {
              status: stale ? 'PENDING' : 'UPLOADED',
              attempts,
              errcode: null,
              errmsg: null,
              expressCompany: parcel?.expressCompany ?? null,
              trackingNo: parcel?.trackingNo ?? null,
              uploadedAt: now,
              nextAttemptAt: stale ? now : null,
            }
          : {
              status: 'FAILED',
              attempts,
              errcode: answer.errcode,
              errmsg: answer.errmsg.slice(0, 255),
              nextAttemptAt: stale
                ? now
                : isRetryable(answer.errcode) && attempts < MAX_AUTOMATIC_ATTEMPTS
                  ? new Date(now.getTime() + retryDelayMs(attempts))
                  : null,
            },
      );
    });
    if (!done) this.logger.warn(`upload_shipping_info for order ${row.orderId}: ${answer.errcode} ${answer.errmsg}`);
  }
}
