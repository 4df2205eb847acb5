import { Inject, Logger, Module, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { MembershipModule } from '../../membership/membership.module';
import { OrdersModule } from '../../orders/orders.module';
import { CouponsModule } from '../../coupons/coupons.module';
import { CheckoutModule } from '../../checkout/checkout.module';
import { Customer } from '../../customers/customer.entity';
import { Order } from '../../orders/order.entity';
import { Payment } from '../../payments/payment.entity';
import { WechatSimulator } from '../../wechat/dev/wechat-simulator';
import { withDatabaseLock } from '../database-lock';
import { DemoSeedService } from './demo-seed.service';

/** Seeds demo data on start when configured (default for SQLite; SEED_DEMO=1 for MySQL). */
@Module({
  imports: [MembershipModule, OrdersModule, CouponsModule, CheckoutModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule implements OnApplicationBootstrap {
  constructor(
    private readonly seed: DemoSeedService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    @Optional() private readonly simulator?: WechatSimulator,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) {
      if (!(await this.seed.hasStaff()))
        new Logger('SeedModule').warn(
          'No staff account yet: create the first admin with `pnpm --filter @member-commerce/server staff:create-admin -- --username <name>`',
        );
      return;
    }
    // Several processes may boot together on an empty database: one seeds, the others then find it seeded.
    const seeded = await withDatabaseLock(this.dataSource, 'demo-seed', () => this.seed.seedIfEmpty());
    if (seeded) await this.introduceToSimulator();
    if (seeded)
      new Logger('SeedModule').log('Demo data ready: customers dev:demo-member / dev:demo-guest, staff admin/admin123');
  }

  /** Dev mode: the simulated WeChat learns the seeded payments, so demo orders can be refunded like real ones. */
  private async introduceToSimulator(): Promise<void> {
    if (!this.simulator) return;
    const rows = await this.dataSource
      .createQueryBuilder(Payment, 'p')
      .innerJoin(Order, 'o', 'o.id = p.orderId')
      .innerJoin(Customer, 'c', 'c.id = o.customerId')
      .select([
        'p.outTradeNo AS outTradeNo',
        'p.transactionId AS transactionId',
        'p.paidFen AS paidFen',
        'p.amountFen AS amountFen',
        'p.succeededAt AS succeededAt',
        'c.openid AS openid',
      ])
      .where('p.status = :status AND p.transactionId IS NOT NULL', { status: 'SUCCESS' })
      .getRawMany<{
        outTradeNo: string;
        transactionId: string;
        paidFen: number | null;
        amountFen: number;
        succeededAt: string | Date;
        openid: string;
      }>();
    await this.simulator.recordPaidTransactions(
      rows.map((row) => ({
        outTradeNo: row.outTradeNo,
        transactionId: row.transactionId,
        amountFen: Number(row.paidFen ?? row.amountFen),
        openid: row.openid,
        paidAt:
          row.succeededAt instanceof Date ? row.succeededAt : new Date(`${String(row.succeededAt).replace(' ', 'T')}Z`),
        description: '演示订单',
      })),
    );
  }
}
