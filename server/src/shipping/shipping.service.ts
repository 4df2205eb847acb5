import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ShippingPolicyView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { UpdateShippingPolicyDto } from './shipping-policy.dto';
import { ShippingPolicy } from './shipping-policy.entity';

const POLICY_ID = 1;
/** Until staff set one: ¥10 per order, free from ¥99. */
const DEFAULT_SHIPPING_POLICY: ShippingPolicyView = { flatFeeFen: 1_000, freeAboveFen: 9_900 };

const toView = (row: ShippingPolicy | null): ShippingPolicyView =>
  row ? { flatFeeFen: row.flatFeeFen, freeAboveFen: row.freeAboveFen } : DEFAULT_SHIPPING_POLICY;

/** The shop's shipping policy, staff-configured and audited. */
@Injectable()
export class ShippingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async policy(manager: EntityManager = this.dataSource.manager): Promise<ShippingPolicyView> {
    return toView(await manager.findOneBy(ShippingPolicy, { id: POLICY_ID }));
  }

  /**
   * The policy read in the same statement as another row (checkout reads it with the delivery address): one round
   * trip instead of two. The policy is read only when the row exists.
   */
  async policyAlong<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
  ): Promise<{ row: T | null; policy: ShippingPolicyView }> {
    const row = (await query
      .leftJoinAndMapOne(`${query.alias}.shippingPolicy`, ShippingPolicy, 'policy', 'policy.id = :shippingPolicyId', {
        shippingPolicyId: POLICY_ID,
      })
      .getOne()) as (T & { shippingPolicy?: ShippingPolicy | null }) | null;
    if (!row) return { row: null, policy: DEFAULT_SHIPPING_POLICY };
    const policy = toView(row.shippingPolicy ?? null);
    delete row.shippingPolicy;
    return { row, policy };
  }

  update(actor: StaffPrincipal, input: UpdateShippingPolicyDto): Promise<ShippingPolicyView> {
    return this.transactions.run(async (manager) => {
      const before = await this.policy(manager);
      const after: ShippingPolicyView = { flatFeeFen: input.flatFeeFen, freeAboveFen: input.freeAboveFen ?? null };
      await manager.save(ShippingPolicy, { id: POLICY_ID, ...after });
      await this.audit.record(manager, actor, {
        action: 'shipping.update',
        entity: 'shipping_policy',
        entityId: POLICY_ID,
        before,
        after,
      });
      return after;
    });
  }
}
