import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { WechatMode } from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { DatabaseSimulatorStore, loadOrCreateSimulatorKeys } from './dev/database-simulator-store';
import { DevRefundSettler } from './dev/dev-refund-settler';
import { DevWechatController } from './dev/dev-wechat.controller';
import { DevWechatGateway } from './dev/dev-wechat.gateway';
import { DatabasePapayStore } from './dev/database-papay-store';
import { DevPapayController } from './dev/dev-papay.controller';
import { PapaySimulator } from './dev/papay-simulator';
import { WechatSimulator } from './dev/wechat-simulator';
import { LiveWechatGateway } from './live/live-wechat.gateway';
import { WECHAT_GATEWAY } from './wechat-gateway';
import { DatabaseShippingSimulatorStore } from './dev/database-shipping-simulator-store';
import { DevMiniProgramGateway } from './dev/dev-mini-program.gateway';
import { DevWechatShippingController } from './dev/dev-wechat-shipping.controller';
import { MiniProgramSimulator } from './dev/mini-program-simulator';
import { LiveMiniProgramGateway } from './live/live-mini-program.gateway';
import { StableAccessToken } from './live/stable-access-token';
import { WECHAT_MINI_PROGRAM } from './mini-program/mini-program-gateway';

/**
 * The WeChat boundary: `live` talks to WeChat, `dev` to a simulator whose state and keys live in the database
 * (plus its dev routes).
 * Chosen once from typed config; nothing else in the code asks which mode it is in.
 */
@Global()
@Module({})
export class WechatModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.wechat.mode === WechatMode.LIVE) {
      const liveProviders: Provider[] = [
        {
          // One stable access token per process, shared by every WeChat API that needs one.
          provide: StableAccessToken,
          useFactory: (app: AppConfig) => {
            if (!app.wechat.live)
              throw new Error(
                'WECHAT_MODE=live needs the WECHAT_* live settings (WECHAT_APPID, WECHAT_MCHID and the rest: README.md)',
              );
            return new StableAccessToken(app.wechat.live);
          },
          inject: [APP_CONFIG],
        },
        {
          provide: WECHAT_GATEWAY,
          useFactory: (app: AppConfig, accessToken?: StableAccessToken) => {
            if (!app.wechat.live)
              throw new Error(
                'WECHAT_MODE=live needs the WECHAT_* live settings (WECHAT_APPID, WECHAT_MCHID and the rest: README.md)',
              );
            return new LiveWechatGateway(app.wechat.live, { accessToken });
          },
          inject: [APP_CONFIG, StableAccessToken],
        },
        {
          provide: WECHAT_MINI_PROGRAM,
          useFactory: (app: AppConfig, accessToken: StableAccessToken) =>
            new LiveMiniProgramGateway(app.wechat.live!, accessToken),
          inject: [APP_CONFIG, StableAccessToken],
        },
      ];
      return {
        module: WechatModule,
        global: true,
        providers: liveProviders,
        exports: [WECHAT_GATEWAY, WECHAT_MINI_PROGRAM],
      };
    }
    const providers: Provider[] = [
      {
        provide: WechatSimulator,
        useFactory: async (dataSource: DataSource, transactions: Transactions) =>
          new WechatSimulator(
            await loadOrCreateSimulatorKeys(dataSource, transactions),
            new DatabaseSimulatorStore(dataSource, transactions),
          ),
        inject: [DataSource, Transactions],
      },
      {
        provide: PapaySimulator,
        useFactory: (simulator: WechatSimulator, dataSource: DataSource, transactions: Transactions) =>
          new PapaySimulator(simulator, new DatabasePapayStore(dataSource, transactions)),
        inject: [WechatSimulator, DataSource, Transactions],
      },
      {
        provide: WECHAT_GATEWAY,
        useFactory: (simulator: WechatSimulator, papay: PapaySimulator, app: AppConfig) =>
          new DevWechatGateway(simulator, () => `${app.publicUrl}/api/payments/wechat/notify`, { papay }),
        inject: [WechatSimulator, PapaySimulator, APP_CONFIG],
      },
      {
        provide: MiniProgramSimulator,
        useFactory: (wechat: WechatSimulator, dataSource: DataSource, transactions: Transactions) =>
          new MiniProgramSimulator(wechat, new DatabaseShippingSimulatorStore(dataSource, transactions)),
        inject: [WechatSimulator, DataSource, Transactions],
      },
      {
        provide: WECHAT_MINI_PROGRAM,
        useFactory: (wechat: WechatSimulator, simulator: MiniProgramSimulator) =>
          new DevMiniProgramGateway(wechat, simulator),
        inject: [WechatSimulator, MiniProgramSimulator],
      },
      DevRefundSettler,
    ];
    return {
      module: WechatModule,
      global: true,
      controllers: [DevWechatController, DevPapayController, DevWechatShippingController],
      providers,
      exports: [WECHAT_GATEWAY, WECHAT_MINI_PROGRAM, WechatSimulator, PapaySimulator, MiniProgramSimulator],
    };
  }
}
