import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { Clock, SystemClock } from './common/clock';
import { CommonModule } from './common/common.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { SeedModule } from './database/seed/seed.module';
import { AfterSalesModule } from './after-sales/after-sales.module';
import { CatalogModule } from './catalog/catalog.module';
import { CustomersModule } from './customers/customers.module';
import { MembershipModule } from './membership/membership.module';
import { MilestonesModule } from './milestones/milestones.module';
import { FinanceModule } from './finance/finance.module';
import { OrdersModule } from './orders/orders.module';
import { PaymentsModule } from './payments/payments.module';
import { CheckoutModule } from './checkout/checkout.module';
import { RemindersModule } from './reminders/reminders.module';
import { StaffModule } from './staff/staff.module';
import { SystemController } from './system/system.controller';
import { WechatModule } from './wechat/wechat.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** Tests pass a FixedClock to move time. */
  clock?: Clock;
}

/** Wires the feature modules. */
@Module({})
export class AppModule {
  static forRoot({ config, clock = new SystemClock() }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            ...(config.env === 'development' && process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
          },
        }),
        JwtModule.register({ global: true, secret: config.jwtSecret }),
        ScheduleModule.forRoot(),
        CommonModule.forRoot(clock),
        DatabaseModule,
        WechatModule.forRoot(config),
        StaffModule,
        CustomersModule,
        MembershipModule,
        CatalogModule,
        MilestonesModule,
        FinanceModule,
        OrdersModule,
        PaymentsModule,
        CheckoutModule,
        AfterSalesModule,
        RemindersModule,
        SeedModule,
      ],
      controllers: [SystemController],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
