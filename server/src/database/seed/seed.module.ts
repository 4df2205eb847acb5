import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { MembershipModule } from '../../membership/membership.module';
import { OrdersModule } from '../../orders/orders.module';
import { CouponsModule } from '../../coupons/coupons.module';
import { withDatabaseLock } from '../database-lock';
import { DemoSeedService } from './demo-seed.service';

/** Seeds demo data on start when configured (default for SQLite; SEED_DEMO=1 for MySQL). */
@Module({
  imports: [MembershipModule, OrdersModule, CouponsModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule implements OnApplicationBootstrap {
  constructor(
    private readonly seed: DemoSeedService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) {
      if (!(await this.seed.hasStaff())) new Logger('SeedModule').warn('No staff account yet: create the first admin with `pnpm --filter @member-commerce/server staff:create-admin -- --username <name>`');
      return;
    }
    // Several processes may boot together on an empty database: one seeds, the others then find it seeded.
    const seeded = await withDatabaseLock(this.dataSource, 'demo-seed', () => this.seed.seedIfEmpty());
    if (seeded) new Logger('SeedModule').log('Demo data ready: customers dev:demo-member / dev:demo-guest, staff admin/admin123');
  }
}
