import { NotFoundException } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../config/app-config';
import type { WechatNotification } from '../wechat-gateway';
import { DevWechatController } from './dev-wechat.controller';
import { DevWechatGateway } from './dev-wechat.gateway';
import { WechatSimulator } from './wechat-simulator';

/** The dev routes deliver to `${publicUrl}/api/payments/wechat/notify`; a stand-in receiver verifies like the app. */
describe('DevWechatController', () => {
  const simulator = new WechatSimulator();
  const gateway = new DevWechatGateway(simulator, () => 'unused');
  const received: { path: string; contentType?: string; notification: WechatNotification }[] = [];
  let receiver: Server;
  let controller: DevWechatController;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          const notification = gateway.parseNotification(
            req.headers as Record<string, string>,
            Buffer.concat(chunks).toString('utf8'),
          );
          received.push({ path: req.url ?? '', contentType: req.headers['content-type'], notification });
          res.writeHead(204).end();
        } catch {
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end('{"code":"FAIL","message":"verification failed"}');
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const publicUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    controller = new DevWechatController(simulator, { publicUrl } as AppConfig);
  });
  afterAll(() => {
    receiver.closeAllConnections();
    return new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  const prepay = (outTradeNo: string) =>
    gateway.createJsapiPayment({
      outTradeNo,
      description: '年卡会员',
      amountFen: 100000,
      payerOpenid: 'o_c',
      expiresAt: new Date(Date.now() + 900_000),
    });

  it('shows the pay page what it needs: amount, description and state', async () => {
    await prepay('MCCTL1');
    expect(await controller.describePayment('MCCTL1')).toMatchObject({
      outTradeNo: 'MCCTL1',
      amountFen: 100000,
      description: '年卡会员',
      state: 'NOTPAY',
    });
  });

  it('confirm delivers the signed, encrypted SUCCESS notification to the notify route and reports its status', async () => {
    await prepay('MCCTL2');
    expect(await controller.confirmPayment('MCCTL2')).toEqual({ notifyStatus: 204 });
    const last = received[received.length - 1];
    expect(last).toMatchObject({
      path: '/api/payments/wechat/notify',
      contentType: 'application/json',
      notification: { kind: 'transaction', transaction: { outTradeNo: 'MCCTL2', tradeState: 'SUCCESS' } },
    });
  });

  it('notification returns headers and body without sending them', async () => {
    await prepay('MCCTL3');
    const before = received.length;
    const { headers, body } = await controller.buildNotification('MCCTL3');
    expect(received).toHaveLength(before);
    expect(gateway.parseNotification(headers, body)).toMatchObject({ transaction: { outTradeNo: 'MCCTL3' } });
  });

  it('fail sends nothing and leaves the order unpaid', async () => {
    await prepay('MCCTL4');
    const before = received.length;
    expect(await controller.failPayment('MCCTL4')).toMatchObject({ state: 'PAYERROR' });
    expect(received).toHaveLength(before);
    expect(await gateway.queryTransaction('MCCTL4')).toMatchObject({ tradeState: 'PAYERROR' });
  });

  it("refuse-refunds makes WeChat Pay refuse the order's refunds (NOT_ENOUGH); an unknown order is 404", async () => {
    await prepay('MCCTL6');
    await simulator.confirmPayment('MCCTL6');
    await controller.refuseRefunds('MCCTL6');
    await expect(
      gateway.createRefund({ outTradeNo: 'MCCTL6', outRefundNo: 'RFCTL6', refundFen: 100, totalFen: 100000 }),
    ).rejects.toMatchObject({ code: 'NOT_ENOUGH' });
    await expect(controller.refuseRefunds('NO-SUCH-ORDER')).rejects.toBeInstanceOf(NotFoundException);
  });

  it('completing a refund delivers the REFUND.SUCCESS notification', async () => {
    await prepay('MCCTL5');
    await simulator.confirmPayment('MCCTL5');
    await gateway.createRefund({ outTradeNo: 'MCCTL5', outRefundNo: 'RFCTL5', refundFen: 100, totalFen: 100000 });
    expect(await controller.completeRefund('RFCTL5')).toEqual({ notifyStatus: 204 });
    expect(received[received.length - 1].notification).toMatchObject({
      kind: 'refund',
      eventType: 'REFUND.SUCCESS',
      refund: { outRefundNo: 'RFCTL5' },
    });
  });

  it('lists subscribe messages newest first', async () => {
    await gateway.sendSubscribeMessage({ openid: 'o1', templateId: 'T', data: { thing1: { value: 'a' } } });
    await gateway.sendSubscribeMessage({ openid: 'o2', templateId: 'T', data: { thing1: { value: 'b' } } });
    expect((await controller.listMessages()).map((m) => m.openid).slice(0, 2)).toEqual(['o2', 'o1']);
  });

  it('answers 404 for an out_trade_no or out_refund_no the simulator never saw', async () => {
    await expect(controller.describePayment('MC_NONE')).rejects.toBeInstanceOf(NotFoundException);
    await expect(controller.confirmPayment('MC_NONE')).rejects.toBeInstanceOf(NotFoundException);
    await expect(controller.buildNotification('MC_NONE')).rejects.toBeInstanceOf(NotFoundException);
    await expect(controller.failPayment('MC_NONE')).rejects.toBeInstanceOf(NotFoundException);
    await expect(controller.completeRefund('RF_NONE')).rejects.toBeInstanceOf(NotFoundException);
  });
});
