import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { Clock, SystemClock } from './common/clock';
import { CommonModule } from './common/common.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { SeedModule } from './database/seed/seed.module';
import { BackOfficeModule } from './back-office/back-office.module';
import { CustomerProfileModule } from './customer-profile/customer-profile.module';
import { CacheModule } from './cache/cache.module';
import { BannersModule } from './banners/banners.module';
import { AfterSalesModule } from './after-sales/after-sales.module';
import { CatalogModule } from './catalog/catalog.module';
import { StorefrontModule } from './storefront/storefront.module';
import { PriceListsModule } from './price-lists/price-lists.module';
import { CustomersModule } from './customers/customers.module';
import { MediaModule } from './media/media.module';
import { MembershipModule } from './membership/membership.module';
import { MilestonesModule } from './milestones/milestones.module';
import { MembershipCodesModule } from './membership-codes/membership-codes.module';
import { TrialsModule } from './trials/trials.module';
import { FinanceModule } from './finance/finance.module';
import { JobsModule } from './jobs/jobs.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { OrdersModule } from './orders/orders.module';
import { PaymentsModule } from './payments/payments.module';
import { CheckoutModule } from './checkout/checkout.module';
import { CouponsModule } from './coupons/coupons.module';
import { ShippingModule } from './shipping/shipping.module';
import { RemindersModule } from './reminders/reminders.module';
import { AutoRenewModule } from './auto-renew/auto-renew.module';
import { StaffModule } from './staff/staff.module';
import { SystemController } from './system/system.controller';
import { WechatModule } from './wechat/wechat.module';
import { WechatShippingModule } from './wechat-shipping/wechat-shipping.module';
import { AgreementsModule } from './agreements/agreements.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** Tests pass a FixedClock to move time. */
  clock?: Clock;
}

/** Wires the feature modules. */
@Module({})
export class AppModule {
  static forRoot({ config, clock = new SystemClock() }: AppModuleOptions): DynamicModule {
    const jwtKey = createSecretKey(Buffer.from(config.jwtSecret));
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
            ...(config.env === 'development' && process.stdout.isTTY
              ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
              : {}),
          },
        }),
        // Every token carries `exp` (a default here, the per-kind TTL where it is signed). The key is a KeyObject, not
        // the string: jsonwebtoken 9 otherwise tries (and fails) to parse the secret as a PEM public key on every
        // verify, a sixth of the CPU of a catalogue request.
        JwtModule.register({
          global: true,
          secretOrKeyProvider: () => jwtKey,
          signOptions: { algorithm: 'HS256', expiresIn: config.staffTokenTtlSeconds },
        }),
        ScheduleModule.forRoot(),
        CommonModule.forRoot(clock),
        DatabaseModule,
        JobsModule,
        RateLimitModule,
        CacheModule,
        WechatModule.forRoot(config),
        StaffModule,
        MediaModule,
        CustomersModule,
        MembershipModule,
        CatalogModule,
        StorefrontModule,
        PriceListsModule,
        BannersModule,
        MilestonesModule,
        FinanceModule,
        DashboardModule,
        OrdersModule,
        PaymentsModule,
        CouponsModule,
        ShippingModule,
        WechatShippingModule,
        AgreementsModule,
        CheckoutModule,
        AfterSalesModule,
        RemindersModule,
        AutoRenewModule,
        MembershipCodesModule,
        TrialsModule,
        BackOfficeModule,
        CustomerProfileModule,
        SeedModule,
      ],
      controllers: [SystemController],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
