import { createVerify } from 'node:crypto';
import type { WechatPaymentParams } from '@member-commerce/shared';
import { PendingPaymentsJob } from '../../src/payments/pending-payments.job';
import { NotificationOverrides, SignedNotification, WechatSimulator } from '../../src/wechat/dev/wechat-simulator';
import { startFakeWechatServer } from './fake-wechat-server';
import { startTestApp, TestApp, TestAppOptions } from './test-app';

export type { NotificationOverrides } from '../../src/wechat/dev/wechat-simulator';

/**
 * Plays WeChat's part in payment tests, in either mode: in `dev` through the app's own simulator and the
 * API.md dev routes, in `live` through a fake WeChat server the app talks to over HTTP. Either way the
 * notification reaches the real notify route, signed and encrypted as WeChat does.
 */
export interface PaymentDriver {
  confirm(outTradeNo: string): Promise<number>;
  confirmWithoutNotify(outTradeNo: string): Promise<void>;
  notification(outTradeNo: string, overrides?: NotificationOverrides): Promise<SignedNotification>;
  deliver(notification: SignedNotification): Promise<number>;
  completeRefund(outRefundNo: string): Promise<number>;
  verifyPaySign(params: WechatPaymentParams): Promise<boolean>;
  runReconciliation(): Promise<{ paid: number; closed: number }>;
  /** The WeChat the app talks to: its own simulator (dev) or the fake server's (live). */
  simulator: WechatSimulator;
  close(): Promise<void>;
}

export async function startPaymentDriver(
  mode: 'dev' | 'live',
  options: Pick<TestAppOptions, 'seed' | 'now'> = {},
): Promise<{ app: TestApp; driver: PaymentDriver }> {
  const fake = mode === 'live' ? await startFakeWechatServer() : undefined;
  const app = await startTestApp({
    ...options,
    env: { WECHAT_MODE: 'dev' },
    configure: (config) => {
      if (!fake) return;
      config.wechat.mode = 'live';
      config.wechat.live = { ...fake.liveConfig, notifyUrl: 'set after listen' };
    },
  });
  if (fake) app.config.wechat.live!.notifyUrl = `${app.config.publicUrl}/api/payments/wechat/notify`;
  const simulator: WechatSimulator = fake ? fake.simulator : app.app.get(WechatSimulator);
  const merchantPublicKey = fake ? fake.merchantPublicKey : simulator.merchantPublicKey;

  const deliver = async (notification: SignedNotification) => {
    const res = await app.http
      .post('/api/payments/wechat/notify')
      .set(notification.headers)
      .set('content-type', 'application/json')
      .send(notification.body);
    return res.status;
  };

  const driver: PaymentDriver = {
    async confirm(outTradeNo) {
      if (!fake) {
        const res = await app.http.post(`/api/dev/wechat/pay/${outTradeNo}/confirm`).expect(201);
        return res.body.notifyStatus as number;
      }
      await simulator.confirmPayment(outTradeNo);
      return deliver(await simulator.buildTransactionNotification(outTradeNo));
    },
    async confirmWithoutNotify(outTradeNo) {
      await simulator.confirmPayment(outTradeNo);
    },
    async notification(outTradeNo, overrides = {}) {
      await simulator.confirmPayment(outTradeNo);
      return simulator.buildTransactionNotification(outTradeNo, overrides);
    },
    deliver,
    async completeRefund(outRefundNo) {
      await simulator.completeRefund(outRefundNo);
      return deliver(await simulator.buildRefundNotification(outRefundNo));
    },
    async verifyPaySign(params) {
      const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
      return createVerify('RSA-SHA256').update(message).verify(merchantPublicKey, params.paySign, 'base64');
    },
    async runReconciliation() {
      return app.app.get(PendingPaymentsJob).run();
    },
    simulator,
    async close() {
      await fake?.close();
    },
  };
  return { app, driver };
}
