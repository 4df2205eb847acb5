import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ErrorCode, MilestoneView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/domain-error';
import { assertDeletable, initialLifecycle, moveLifecycle } from '../common/lifecycle';
import { Transactions } from '../database/transactions';
import { GiftPack } from '../catalog/gift-pack.entity';
import { findBenefitsOrThrow } from '../membership/benefit-lookup';
import { AuditService } from '../staff/audit.service';
import { CreateMilestoneDto, UpdateMilestoneDto } from './dto/milestone.dto';
import { toMilestoneView } from './milestone-views';
import { Milestone } from './milestone.entity';

const RELATIONS = { giftPack: true, benefits: true } as const;

/** Spend milestones: thresholds of counted spend that unlock rewards. */
@Injectable()
export class MilestonesService {
  constructor(
    @InjectRepository(Milestone) private readonly milestones: Repository<Milestone>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<MilestoneView[]> {
    return (await this.all()).map(toMilestoneView);
  }

  all(): Promise<Milestone[]> {
    return this.milestones.find({ relations: RELATIONS, order: { thresholdFen: 'ASC' } });
  }

  create(actor: StaffPrincipal, input: CreateMilestoneDto): Promise<MilestoneView> {
    return this.transactions.run(async (manager) => {
      await this.assertThresholdFree(manager, input.thresholdFen);
      const milestone = await manager.save(
        manager.create(Milestone, {
          thresholdFen: input.thresholdFen,
          title: input.title,
          description: input.description ?? '',
          giftPackId: await this.checkGiftPack(manager, input.giftPackId),
          benefits: await findBenefitsOrThrow(manager, input.benefitIds ?? []),
          ...initialLifecycle(input.status, '里程碑'),
        }),
      );
      const view = toMilestoneView(await this.getOrThrow(manager, milestone.id));
      await this.audit.record(manager, actor, {
        action: 'milestone.create',
        entity: 'milestone',
        entityId: milestone.id,
        after: view,
      });
      return view;
    });
  }

  update(actor: StaffPrincipal, id: number, input: UpdateMilestoneDto): Promise<MilestoneView> {
    return this.transactions.run(async (manager) => {
      const milestone = await this.getOrThrow(manager, id);
      const before = toMilestoneView(milestone);
      if (input.thresholdFen !== undefined && input.thresholdFen !== milestone.thresholdFen)
        await this.assertThresholdFree(manager, input.thresholdFen);
      const { benefitIds, giftPackId, status, ...fields } = input;
      Object.assign(milestone, fields);
      moveLifecycle(milestone, status, this.clock.now(), '里程碑');
      if (giftPackId !== undefined && giftPackId !== milestone.giftPackId) {
        milestone.giftPackId = await this.checkGiftPack(manager, giftPackId);
        milestone.giftPack = null;
      }
      if (benefitIds) milestone.benefits = await findBenefitsOrThrow(manager, benefitIds, milestone.benefits);
      await manager.save(milestone);
      const after = toMilestoneView(await this.getOrThrow(manager, id));
      await this.audit.record(manager, actor, {
        action: 'milestone.update',
        entity: 'milestone',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  remove(actor: StaffPrincipal, id: number): Promise<void> {
    return this.transactions.run(async (manager) => {
      const milestone = await this.getOrThrow(manager, id);
      assertDeletable(milestone, ErrorCode.MILESTONE_IN_USE, '里程碑');
      await manager.delete(Milestone, { id });
      await this.audit.record(manager, actor, {
        action: 'milestone.delete',
        entity: 'milestone',
        entityId: id,
        before: toMilestoneView(milestone),
      });
    });
  }

  private async getOrThrow(manager: EntityManager, id: number): Promise<Milestone> {
    const milestone = await manager.findOne(Milestone, { where: { id }, relations: RELATIONS });
    if (!milestone) throw notFound(ErrorCode.MILESTONE_NOT_FOUND, `Milestone ${id} not found`);
    return milestone;
  }

  private async assertThresholdFree(manager: EntityManager, thresholdFen: number): Promise<void> {
    if (await manager.existsBy(Milestone, { thresholdFen })) {
      throw conflict(ErrorCode.MILESTONE_THRESHOLD_TAKEN, `A milestone at ${thresholdFen} fen already exists`);
    }
  }

  private async checkGiftPack(manager: EntityManager, id: number | null | undefined): Promise<number | null> {
    if (id === undefined || id === null) return null;
    const pack = await manager.findOneBy(GiftPack, { id });
    if (!pack) throw badRequest(ErrorCode.GIFT_PACK_NOT_FOUND, `Gift pack ${id} not found`);
    if (pack.status === 'ARCHIVED')
      throw conflict(ErrorCode.GIFT_PACK_ARCHIVED, `礼包「${pack.name}」已归档，不能再作为奖励`, { giftPackId: id });
    return id;
  }
}
