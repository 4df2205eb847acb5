import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { ShippingPolicyView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { columnsOf, fromRow, RowRead, runStatement, tableOf } from '../database/rows';
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
    read: RowRead<T>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ row: T | null; policy: ShippingPolicyView }> {
    const { records } = await runStatement(
      manager,
      `SELECT ${columnsOf(manager, read.target, read.alias)}, ${columnsOf(manager, ShippingPolicy, 'policy')}
         FROM ${tableOf(manager, read.target)} ${read.alias}
         LEFT JOIN ${tableOf(manager, ShippingPolicy)} policy ON policy.id = ?
        WHERE ${read.where}`,
      [POLICY_ID, ...read.params],
    );
    const row = records[0] && fromRow(manager, read.target, read.alias, records[0]);
    if (!row) return { row: null, policy: DEFAULT_SHIPPING_POLICY };
    return { row, policy: toView(fromRow(manager, ShippingPolicy, 'policy', records[0]) ?? null) };
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
