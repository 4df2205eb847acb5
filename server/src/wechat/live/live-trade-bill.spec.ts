import { WechatApiError } from '../wechat-api-error';
import { LiveWechatGateway } from './live-wechat.gateway';
import { FakeWechatServer, startFakeWechatServer } from '../../../test/support/fake-wechat-server';

describe('LiveWechatGateway.downloadTradeBill: the v3 bill API, download_url and its SHA1', () => {
  let fake: FakeWechatServer;
  let gateway: LiveWechatGateway;
  const paidAt = new Date('2031-05-06T02:00:00Z'); // 2031-05-06 10:00 Beijing

  beforeAll(async () => {
    fake = await startFakeWechatServer();
    gateway = new LiveWechatGateway({
      ...fake.liveConfig,
      notifyUrl: 'https://shop.example.com/api/payments/wechat/notify',
    });
    for (const [no, fen] of [
      ['MCBILL1', 100_000],
      ['MCBILL2', 2_550],
    ] as const) {
      await gateway.createJsapiPayment({
        outTradeNo: no,
        description: '年卡会员',
        amountFen: fen,
        payerOpenid: 'o_bill',
        expiresAt: new Date(Date.now() + 900_000),
      });
      await fake.simulator.confirmPayment(no, paidAt);
    }
    await fake.simulator.createRefund(
      { out_trade_no: 'MCBILL2', out_refund_no: 'RFBILL2', amount: { refund: 1_000, total: 2_550 } },
      paidAt,
    );
  });
  afterAll(() => fake.close());
  afterEach(() => fake.setBillTampering(false));

  it('reads the day’s payments and refunds from the signed bill request and the checked file', async () => {
    const bill = await gateway.downloadTradeBill('2031-05-06');
    expect(
      bill.rows.map((row) => [
        row.tradeState,
        row.outTradeNo,
        row.totalFen,
        row.outRefundNo,
        row.refundFen,
        row.refundStatus,
      ]),
    ).toEqual([
      ['SUCCESS', 'MCBILL1', 100_000, '', 0, ''],
      ['SUCCESS', 'MCBILL2', 2_550, '', 0, ''],
      ['REFUND', 'MCBILL2', 2_550, 'RFBILL2', 1_000, 'PROCESSING'],
    ]);
    expect(bill.rows[0].transactionId).toMatch(/^42/);
    expect(fake.requests.filter((request) => request.path.startsWith('/v3/bill')).length).toBeGreaterThan(0);
    expect(fake.requests.some((request) => request.path === '/v3/billdownload/file')).toBe(true);
  });

  it('a day without transactions is an empty bill (WeChat answers NO_STATEMENT_EXIST)', async () => {
    expect((await gateway.downloadTradeBill('2031-05-07')).rows).toEqual([]);
  });

  it('a file that does not match the stated SHA1 is refused, never read', async () => {
    fake.setBillTampering(true);
    await expect(gateway.downloadTradeBill('2031-05-06')).rejects.toMatchObject({
      constructor: WechatApiError,
      code: 'BILL_HASH_MISMATCH',
    });
  });

  it('a forged bill answer is refused before its download_url is followed', async () => {
    fake.setResponseSigning('forged');
    try {
      await expect(gateway.downloadTradeBill('2031-05-06')).rejects.toThrow();
    } finally {
      fake.setResponseSigning('valid');
    }
  });
});
