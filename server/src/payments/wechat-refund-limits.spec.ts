import { checkWechatRefundLimits, MAX_REFUNDS_PER_ORDER, refusalReason } from './wechat-refund-limits';

const paidAt = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(paidAt.getTime() + ms);
const DAY = 24 * 3600 * 1000;

describe('WeChat Pay refund limits', () => {
  it('refunds until 365 days after the payment, not after', () => {
    expect(checkWechatRefundLimits({ paidAt, now: at(365 * DAY), refundCount: 0, lastSentAt: null })).toEqual({
      ok: true,
      queuedUntil: null,
    });
    expect(checkWechatRefundLimits({ paidAt, now: at(365 * DAY + 1), refundCount: 0, lastSentAt: null })).toMatchObject(
      { ok: false, code: 'REFUND_WINDOW_CLOSED' },
    );
  });

  it('takes at most 50 refunds per order', () => {
    expect(
      checkWechatRefundLimits({ paidAt, now: at(DAY), refundCount: MAX_REFUNDS_PER_ORDER - 1, lastSentAt: null }).ok,
    ).toBe(true);
    expect(
      checkWechatRefundLimits({ paidAt, now: at(DAY), refundCount: MAX_REFUNDS_PER_ORDER, lastSentAt: null }),
    ).toMatchObject({ ok: false, code: 'REFUND_COUNT_EXCEEDED' });
  });

  it('queues a refund inside the minute after the previous one until that minute is up', () => {
    expect(checkWechatRefundLimits({ paidAt, now: at(DAY + 30_000), refundCount: 1, lastSentAt: at(DAY) })).toEqual({
      ok: true,
      queuedUntil: at(DAY + 60_000),
    });
    expect(checkWechatRefundLimits({ paidAt, now: at(DAY + 60_000), refundCount: 1, lastSentAt: at(DAY) })).toEqual({
      ok: true,
      queuedUntil: null,
    });
  });

  it("names a refusal in Chinese, known codes by their meaning, never in WeChat's English or by its code", () => {
    expect(refusalReason('NOT_ENOUGH')).toMatch(/余额不足/);
    expect(refusalReason('ORDER_NOT_EXIST')).toMatch(/^微信支付拒绝退款：微信支付查不到这笔订单/);
    expect(refusalReason('WHATEVER')).toBe('微信支付拒绝退款：原因未知，请在微信支付商户平台查看这笔退款');
  });
});
