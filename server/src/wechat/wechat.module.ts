import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { WechatMode } from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { DatabaseSimulatorStore, loadOrCreateSimulatorKeys } from './dev/database-simulator-store';
import { DevRefundSettler } from './dev/dev-refund-settler';
import { DevWechatController } from './dev/dev-wechat.controller';
import { DevWechatGateway } from './dev/dev-wechat.gateway';
import { WechatSimulator } from './dev/wechat-simulator';
import { LiveWechatGateway } from './live/live-wechat.gateway';
import { WECHAT_GATEWAY } from './wechat-gateway';

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
      const gateway: Provider = {
        provide: WECHAT_GATEWAY,
        useFactory: (app: AppConfig) => {
          if (!app.wechat.live) throw new Error('WECHAT_MODE=live needs the WECHAT_* live settings (see API.md)');
          return new LiveWechatGateway(app.wechat.live);
        },
        inject: [APP_CONFIG],
      };
      return { module: WechatModule, global: true, providers: [gateway], exports: [WECHAT_GATEWAY] };
    }
    const providers: Provider[] = [
      {
        provide: WechatSimulator,
        useFactory: async (dataSource: DataSource, transactions: Transactions) =>
          new WechatSimulator(await loadOrCreateSimulatorKeys(dataSource, transactions), new DatabaseSimulatorStore(dataSource, transactions)),
        inject: [DataSource, Transactions],
      },
      {
        provide: WECHAT_GATEWAY,
        useFactory: (simulator: WechatSimulator, app: AppConfig) => new DevWechatGateway(simulator, () => `${app.publicUrl}/api/payments/wechat/notify`),
        inject: [WechatSimulator, APP_CONFIG],
      },
      DevRefundSettler,
    ];
    return { module: WechatModule, global: true, controllers: [DevWechatController], providers, exports: [WECHAT_GATEWAY, WechatSimulator] };
  }
}
