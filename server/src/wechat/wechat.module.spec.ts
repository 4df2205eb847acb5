import { generateKeyPairSync } from 'node:crypto';
import { FactoryProvider } from '@nestjs/common';
import { WechatMode } from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { Transactions } from '../database/transactions';
import type { AppConfig } from '../config/app-config';
import { DevWechatController } from './dev/dev-wechat.controller';
import { DevWechatShippingController } from './dev/dev-wechat-shipping.controller';
import { WECHAT_MINI_PROGRAM } from './mini-program/mini-program-gateway';
import { DevWechatGateway } from './dev/dev-wechat.gateway';
import { DevPapayController } from './dev/dev-papay.controller';
import { PapaySimulator } from './dev/papay-simulator';
import { WechatSimulator } from './dev/wechat-simulator';
import { LiveWechatGateway } from './live/live-wechat.gateway';
import { WECHAT_GATEWAY } from './wechat-gateway';
import { WechatModule } from './wechat.module';

const keys = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });

function config(mode: WechatMode): AppConfig {
  const merchant = keys();
  const platform = keys();
  return {
    publicUrl: 'http://127.0.0.1:3000',
    wechat: {
      mode,
      renewalTemplateId: 'TPL',
      live: {
        appId: 'wx1',
        secret: 's',
        apiBase: 'http://wx',
        mchId: '1',
        paySerial: 'S',
        payPrivateKey: merchant.privateKey,
        apiV3Key: 'k'.repeat(32),
        platformPublicKey: platform.publicKey,
        platformPublicKeyId: 'PUB_KEY_ID_1',
        notifyUrl: 'https://x/api/payments/wechat/notify',
        payApiBase: 'http://pay',
      },
    },
  } as AppConfig;
}

const gatewayProvider = (providers: unknown[]) =>
  providers.find((p) => (p as FactoryProvider).provide === WECHAT_GATEWAY) as FactoryProvider;

describe('WechatModule.forRoot', () => {
  it('in dev mode provides the simulator-backed gateway, exports the simulator and registers the dev routes', () => {
    const module = WechatModule.forRoot(config(WechatMode.DEV));
    expect(module.global).toBe(true);
    expect(module.controllers).toEqual([DevWechatController, DevPapayController, DevWechatShippingController]);
    expect(module.exports).toEqual(expect.arrayContaining([WECHAT_GATEWAY, WechatSimulator, PapaySimulator]));
    const simulator = new WechatSimulator();
    expect(
      gatewayProvider(module.providers!).useFactory(simulator, new PapaySimulator(simulator), config(WechatMode.DEV)),
    ).toBeInstanceOf(DevWechatGateway);
  });

  it('in dev mode builds the simulator on the database, so restarts and other processes share its keys and payments', () => {
    const module = WechatModule.forRoot(config(WechatMode.DEV));
    const provider = module.providers!.find(
      (p) => (p as FactoryProvider).provide === WechatSimulator,
    ) as FactoryProvider;
    expect(provider.inject).toEqual([DataSource, Transactions]);
  });

  it('in live mode provides the HTTP gateway and no simulator or dev routes', () => {
    const module = WechatModule.forRoot(config(WechatMode.LIVE));
    expect(module.controllers ?? []).toEqual([]);
    expect(module.exports).toEqual([WECHAT_GATEWAY, WECHAT_MINI_PROGRAM]);
    expect(module.providers!.some((p) => (p as FactoryProvider).provide === WechatSimulator)).toBe(false);
    const live = config(WechatMode.LIVE);
    const gateway = gatewayProvider(module.providers!).useFactory(live);
    expect(gateway).toBeInstanceOf(LiveWechatGateway);
    expect(gateway.identity()).toEqual({ appId: 'wx1', mchId: '1' });
  });

  it('in live mode without live settings fails at boot with a message naming them', () => {
    const module = WechatModule.forRoot(config(WechatMode.LIVE));
    const incomplete = {
      ...config(WechatMode.LIVE),
      wechat: { mode: WechatMode.LIVE, renewalTemplateId: 'TPL' },
    } as AppConfig;
    expect(() => gatewayProvider(module.providers!).useFactory(incomplete)).toThrow(/WECHAT_MODE=live/);
  });
});
