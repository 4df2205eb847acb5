import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BenefitView, ErrorCode } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import { assertDeletable, initialLifecycle, moveLifecycle } from '../common/lifecycle';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { checkedBenefitConfig } from './benefit-config';
import { Benefit } from './benefit.entity';
import { CreateBenefitDto, UpdateBenefitDto } from './dto/benefit.dto';
import { toBenefitView } from './tier-views';
import { CacheArea } from '../cache/cache-areas';
import { CacheVersionsService } from '../cache/cache-versions.service';

/**
 * The benefit catalogue staff attach to tiers and milestones, with the tier's lifecycle: drafts may be deleted,
 * active ones are sold, archived ones keep serving the terms that hold them (a term snapshots benefit ids).
 */
@Injectable()
export class BenefitsService {
  constructor(
    @InjectRepository(Benefit) private readonly benefits: Repository<Benefit>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly cacheVersions: CacheVersionsService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<BenefitView[]> {
    return (await this.benefits.find({ order: { id: 'ASC' } })).map(toBenefitView);
  }

  create(actor: StaffPrincipal, input: CreateBenefitDto): Promise<BenefitView> {
    return this.transactions.run(async (manager) => {
      const benefit = await manager.save(
        manager.create(Benefit, {
          type: input.type,
          title: input.title,
          description: input.description ?? '',
          icon: input.icon ?? 'star',
          config: checkedBenefitConfig(input.type, input.config),
          ...initialLifecycle(input.status, '权益'),
        }),
      );
      const view = toBenefitView(benefit);
      await this.cacheVersions.bump(manager, CacheArea.TIERS);
      await this.audit.record(manager, actor, {
        action: 'benefit.create',
        entity: 'benefit',
        entityId: benefit.id,
        after: view,
      });
      return view;
    });
  }

  update(actor: StaffPrincipal, id: number, input: UpdateBenefitDto): Promise<BenefitView> {
    return this.transactions.run(async (manager) => {
      const benefit = await manager.findOneBy(Benefit, { id });
      if (!benefit) throw notFound(ErrorCode.BENEFIT_NOT_FOUND, `Benefit ${id} not found`);
      const before = toBenefitView(benefit);
      const { config, status, ...fields } = input;
      Object.assign(benefit, fields);
      moveLifecycle(benefit, status, this.clock.now(), '权益');
      // A change of type re-checks the stored config against the new type's shape.
      if (config !== undefined || input.type !== undefined)
        benefit.config = checkedBenefitConfig(benefit.type, config !== undefined ? config : benefit.config);
      const after = toBenefitView(await manager.save(benefit));
      await this.cacheVersions.bump(manager, CacheArea.TIERS);
      await this.audit.record(manager, actor, {
        action: 'benefit.update',
        entity: 'benefit',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  remove(actor: StaffPrincipal, id: number): Promise<void> {
    return this.transactions.run(async (manager) => {
      const benefit = await manager.findOneBy(Benefit, { id });
      if (!benefit) throw notFound(ErrorCode.BENEFIT_NOT_FOUND, `Benefit ${id} not found`);
      assertDeletable(benefit, ErrorCode.BENEFIT_IN_USE, '权益');
      await manager.delete(Benefit, { id });
      await this.cacheVersions.bump(manager, CacheArea.TIERS);
      await this.audit.record(manager, actor, {
        action: 'benefit.delete',
        entity: 'benefit',
        entityId: id,
        before: toBenefitView(benefit),
      });
    });
  }
}
