import { afterSalesTimeline, TimelineFacts } from './after-sales-timeline';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute));
const returnRequest = (facts: Partial<TimelineFacts>): TimelineFacts => ({
  type: 'RETURN_REFUND',
  status: 'PENDING',
  createdAt: at(0),
  approvedAt: null,
  returnCarrier: null,
  returnTrackingNo: null,
  returnShippedAt: null,
  receivedAt: null,
  decidedAt: null,
  decisionNote: null,
  refund: null,
  ...facts,
});
const steps = (facts: Partial<TimelineFacts>) =>
  afterSalesTimeline(returnRequest(facts)).map((step) => `${step.label}:${step.state}`);

describe('after-sales timeline', () => {
  it('a new return request shows every step ahead, waiting for the shop to agree', () => {
    expect(steps({})).toEqual([
      '提交申请:done',
      '同意退货:current',
      '买家寄回:todo',
      '商家收货:todo',
      '退款中:todo',
      '已退款:todo',
    ]);
  });

  it('an approved return waits for the parcel; once sent it names the carrier and tracking number', () => {
    expect(steps({ status: 'AWAITING_RETURN', approvedAt: at(1) })[2]).toBe('买家寄回:current');
    const sent = afterSalesTimeline(
      returnRequest({
        status: 'AWAITING_RETURN',
        approvedAt: at(1),
        returnCarrier: 'SF',
        returnTrackingNo: 'SF1234567',
        returnShippedAt: at(2),
      }),
    );
    expect(sent[2]).toMatchObject({ label: '买家寄回', state: 'done', detail: '顺丰速运 SF1234567' });
    expect(sent[3]).toMatchObject({ label: '商家收货', state: 'current' });
  });

  it('a refunded return ends in 已退款 with every step done', () => {
    const done = afterSalesTimeline(
      returnRequest({
        status: 'REFUNDED',
        approvedAt: at(1),
        returnCarrier: 'SF',
        returnTrackingNo: 'SF1234567',
        returnShippedAt: at(2),
        receivedAt: at(3),
        refund: { status: 'SUCCESS', createdAt: at(3), succeededAt: at(4) },
      }),
    );
    expect(done.every((step) => step.state === 'done')).toBe(true);
    expect(done.at(-1)).toMatchObject({ key: 'REFUNDED', at: at(4).toISOString() });
  });

  it('a rejected or withdrawn request stops at the steps it reached and ends there', () => {
    expect(steps({ status: 'REJECTED', decidedAt: at(1), decisionNote: '超过 7 天' })).toEqual([
      '提交申请:done',
      '已拒绝:done',
    ]);
    expect(steps({ status: 'CANCELLED', approvedAt: at(1) })).toEqual([
      '提交申请:done',
      '同意退货:done',
      '已撤销:done',
    ]);
  });

  it('a refund-only request goes straight to the refund; a refund waiting for finance says so', () => {
    const waiting = afterSalesTimeline(returnRequest({ type: 'REFUND_ONLY', status: 'REFUND_REQUESTED' }));
    expect(waiting.map((step) => `${step.label}:${step.state}`)).toEqual([
      '提交申请:done',
      '退款中:done',
      '已退款:current',
    ]);
    expect(waiting[1].detail).toBe('退款金额待财务审批');
  });
});
