import { formatTradeBill, parseTradeBill, TradeBillFormatError, TradeBillRow, tradeBillSha1 } from './trade-bill';

const row = (overrides: Partial<TradeBillRow>): TradeBillRow => ({
  tradeTime: '2031-05-06 10:00:00',
  transactionId: '4200000001',
  outTradeNo: 'MC1',
  tradeState: 'SUCCESS',
  totalFen: 100_000,
  refundId: '',
  outRefundNo: '',
  refundFen: 0,
  refundStatus: '',
  ...overrides,
});

describe('WeChat trade bill file', () => {
  // As WeChat documents it: header, backtick-prefixed detail lines, summary header and summary line.
  const wechatSample = [
    '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注',
    '`2031-05-06 10:00:00,`wx0000,`1900000109,`0,`,`4200000001,`MC1,`o1,`JSAPI,`SUCCESS,`OTHERS,`CNY,`1000.00,`0.00,`0,`0,`0.00,`0.00,`,`,`年卡, 会员,`,`0.00000,`0.60%,`1000.00,`0.00,`',
    '`2031-05-06 11:00:00,`wx0000,`1900000109,`0,`,`4200000001,`MC1,`o1,`JSAPI,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`5030001,`RF1,`10.50,`0.00,`ORIGINAL,`SUCCESS,`年卡,`,`0.00000,`0.60%,`1000.00,`10.50,`',
    '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
    '`2,`1000.00,`10.50,`0.00,`0.00000,`2000.00,`10.50',
  ].join('\n');

  it('reads payments and refunds in fen from WeChat’s documented layout (backticks, summary rows, a comma in a name)', () => {
    const bill = parseTradeBill(wechatSample);
    expect(bill.rows).toEqual([
      row({}),
      row({
        tradeTime: '2031-05-06 11:00:00',
        tradeState: 'REFUND',
        refundId: '5030001',
        outRefundNo: 'RF1',
        refundFen: 1_050,
        refundStatus: 'SUCCESS',
      }),
    ]);
    expect(bill.summary).toEqual({ count: 2, totalFen: 200_000, refundFen: 1_050 });
  });

  it('what the simulator writes reads back the same', () => {
    const rows = [
      row({}),
      row({
        outTradeNo: 'MC2',
        totalFen: 1,
        tradeState: 'REFUND',
        refundId: 'R',
        outRefundNo: 'RF2',
        refundFen: 1,
        refundStatus: 'PROCESSING',
      }),
    ];
    expect(parseTradeBill(formatTradeBill(rows, { appId: 'wx', mchId: '1' })).rows).toEqual(rows);
  });

  it('a damaged file is an error, never an empty bill', () => {
    expect(() => parseTradeBill('')).toThrow(TradeBillFormatError);
    expect(() => parseTradeBill(wechatSample.replace('`0.60%,`1000.00,`0.00', '`0.60%,`1,000.00,`0.00'))).toThrow(
      TradeBillFormatError,
    );
    expect(() => parseTradeBill(wechatSample.replace('`2,`1000.00', '`3,`1000.00'))).toThrow(TradeBillFormatError);
  });

  it('the SHA1 is of the file as downloaded, in lowercase hex', () => {
    expect(tradeBillSha1('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});
