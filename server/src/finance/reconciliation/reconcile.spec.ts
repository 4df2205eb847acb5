import type { TradeBillRow } from '../../wechat/pay/trade-bill';
import { OurPayment, OurRefund, reconcile } from './reconcile';

const paid = (outTradeNo: string, totalFen: number): TradeBillRow => ({
  tradeTime: '2031-05-06 10:00:00',
  transactionId: `42${outTradeNo}`,
  outTradeNo,
  tradeState: 'SUCCESS',
  totalFen,
  refundId: '',
  outRefundNo: '',
  refundFen: 0,
  refundStatus: '',
});
const refunded = (
  outTradeNo: string,
  outRefundNo: string,
  refundFen: number,
  refundStatus = 'SUCCESS',
): TradeBillRow => ({
  ...paid(outTradeNo, 10_000),
  tradeState: 'REFUND',
  refundId: `50${outRefundNo}`,
  outRefundNo,
  refundFen,
  refundStatus,
});
const payment = (outTradeNo: string, amountFen: number, status = 'SUCCESS', ofDay = true): OurPayment => ({
  outTradeNo,
  transactionId: `42${outTradeNo}`,
  amountFen,
  status,
  ofDay,
});
const refund = (
  outTradeNo: string,
  outRefundNo: string,
  amountFen: number,
  status = 'SUCCESS',
  ofDay = true,
): OurRefund => ({ outRefundNo, outTradeNo, refundId: `50${outRefundNo}`, amountFen, status, ofDay });

describe('reconcile: a day of WeChat’s trade bill against our payments and refunds', () => {
  it('what agrees is matched, and the totals are each side’s net of the day', () => {
    const result = reconcile([paid('A', 10_000), refunded('A', 'RA', 2_500)], {
      payments: [payment('A', 10_000)],
      refunds: [refund('A', 'RA', 2_500)],
    });
    expect(result).toEqual({ totals: { wechatFen: 7_500, oursFen: 7_500 }, matched: 2, mismatches: [] });
  });

  it('a payment only WeChat has is ONLY_WECHAT; one we hold as pending is STATUS', () => {
    const result = reconcile([paid('A', 10_000), paid('B', 500)], {
      payments: [payment('B', 500, 'PENDING', false)],
      refunds: [],
    });
    expect(result.mismatches).toEqual([
      { kind: 'ONLY_WECHAT', outTradeNo: 'A', transactionId: '42A', wechatFen: 10_000, reference: 'A' },
      {
        kind: 'STATUS',
        outTradeNo: 'B',
        transactionId: '42B',
        wechatFen: 500,
        oursFen: 500,
        wechatStatus: 'SUCCESS',
        oursStatus: 'PENDING',
        reference: 'B',
      },
    ]);
    expect(result.totals).toEqual({ wechatFen: 10_500, oursFen: 0 });
  });

  it('a payment or refund of ours the bill lacks is ONLY_OURS; different amounts are AMOUNT', () => {
    const result = reconcile([paid('A', 9_900), refunded('A', 'RA', 100)], {
      payments: [payment('A', 10_000), payment('C', 300)],
      refunds: [refund('A', 'RA', 200), refund('C', 'RC', 300)],
    });
    expect(result.mismatches.map((m) => [m.kind, m.reference, m.wechatFen, m.oursFen])).toEqual([
      ['AMOUNT', 'A', 9_900, 10_000],
      ['AMOUNT', 'RA', 100, 200],
      ['ONLY_OURS', 'C', undefined, 300],
      ['ONLY_OURS', 'RC', undefined, 300],
    ]);
    expect(result.matched).toBe(0);
  });

  it('a refund still PROCESSING in the bill matches ours whatever ours became; a final status must agree', () => {
    const processing = reconcile([refunded('A', 'RA', 100, 'PROCESSING')], {
      payments: [],
      refunds: [refund('A', 'RA', 100, 'SUCCESS', false)],
    });
    expect(processing.matched).toBe(1);
    const closed = reconcile([refunded('A', 'RA', 100, 'CLOSED')], {
      payments: [],
      refunds: [refund('A', 'RA', 100, 'SUCCESS', false)],
    });
    expect(closed.mismatches).toEqual([
      expect.objectContaining({ kind: 'STATUS', reference: 'RA', wechatStatus: 'CLOSED', oursStatus: 'SUCCESS' }),
    ]);
  });
});
