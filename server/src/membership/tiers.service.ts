import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AdminTierView, ErrorCode, TermUnit, TierStatus, TierView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { badRequest, conflict, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { GiftPack } from '../catalog/gift-pack.entity';
import { AuditService } from '../staff/audit.service';
import { findBenefitsOrThrow } from './benefit-lookup';
import { CreateTierDto, UpdateTierDto } from './dto/tier.dto';
import { canTransitionTier } from './tier-status';
import { toAdminTierView, toTierView } from './tier-views';
import { Tier } from './tier.entity';
import { CacheArea } from '../cache/cache-areas';
import { CacheVersionsService } from '../cache/cache-versions.service';

const TIER_RELATIONS = { benefits: true, giftPacks: { items: { sku: { product: true } } } } as const;

/** Tiers: what the storefront sells, and how staff edit it. Edits never reach terms already bought (terms snapshot). */
@Injectable()
export class TiersService {
  constructor(
    @InjectRepository(Tier) private readonly tiers: Repository<Tier>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly cacheVersions: CacheVersionsService,
  ) {}

  async listActive(): Promise<TierView[]> {
    const tiers = await this.tiers.find({
      where: { status: TierStatus.ACTIVE },
      // The packs' contents: the join page shows what each welcome pack holds.
      relations: { benefits: true, giftPacks: { items: { sku: { product: true } } } },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
    return tiers.map(toTierView);
  }

  async listAll(): Promise<AdminTierView[]> {
    const tiers = await this.tiers.find({ relations: TIER_RELATIONS, order: { sortOrder: 'ASC', id: 'ASC' } });
    return tiers.map(toAdminTierView);
  }

  async get(id: number): Promise<AdminTierView> {
    return toAdminTierView(await this.getOrThrow(this.tiers.manager, id));
  }

  /** A tier a customer may buy now. */
  async getOnSaleOrThrow(manager: EntityManager, id: number): Promise<Tier> {
    const tier = await manager.findOne(Tier, { where: { id }, relations: { benefits: true, giftPacks: true } });
    if (!tier) throw notFound(ErrorCode.TIER_NOT_FOUND, `Tier ${id} not found`);
    if (tier.status !== TierStatus.ACTIVE)
      throw conflict(ErrorCode.TIER_NOT_ON_SALE, `Tier ${tier.name} is not on sale`);
    return tier;
  }

  create(actor: StaffPrincipal, input: CreateTierDto): Promise<AdminTierView> {
    const term = exactlyOneTerm(input.termMonths, input.termDays);
    return this.transactions.run(async (manager) => {
      if (await manager.existsBy(Tier, { code: input.code }))
        throw conflict(ErrorCode.TIER_CODE_TAKEN, `Tier code ${input.code} is taken`);
      const tier = manager.create(Tier, {
        code: input.code,
        name: input.name,
        description: input.description ?? '',
        priceFen: input.priceFen,
        termUnit: term.unit,
        termLength: term.length,
        status: TierStatus.DRAFT,
        sortOrder: input.sortOrder ?? 0,
        image: input.image ?? null,
        defaultDiscountBp: input.defaultDiscountBp ?? 0,
        giftPackChoices: input.giftPackChoices ?? 1,
        serviceStandaloneFen: input.serviceStandaloneFen ?? null,
        autoRenewPriceFen: input.autoRenewPriceFen ?? null,
        trialDays: input.trialDays ?? 0,
        benefits: await findBenefitsOrThrow(manager, input.benefitIds ?? []),
        giftPacks: await this.findGiftPacks(manager, input.giftPackIds ?? []),
      });
      const saved = await manager.save(tier);
      const view = toAdminTierView(await this.getOrThrow(manager, saved.id));
      await this.cacheVersions.bump(manager, CacheArea.TIERS);
      await this.audit.record(manager, actor, {
        action: 'tier.create',
        entity: 'tier',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  update(actor: StaffPrincipal, id: number, input: UpdateTierDto): Promise<AdminTierView> {
    return this.transactions.run(async (manager) => {
      const tier = await this.getOrThrow(manager, id);
      const before = toAdminTierView(tier);
      if (input.status && !canTransitionTier(tier.status, input.status)) {
        throw conflict(ErrorCode.INVALID_TIER_TRANSITION, `A ${tier.status} tier cannot become ${input.status}`);
      }
      if (input.code && input.code !== tier.code && (await manager.existsBy(Tier, { code: input.code }))) {
        throw conflict(ErrorCode.TIER_CODE_TAKEN, `Tier code ${input.code} is taken`);
      }
      if (input.termMonths !== undefined || input.termDays !== undefined) {
        const term = exactlyOneTerm(input.termMonths, input.termDays);
        tier.termUnit = term.unit;
        tier.termLength = term.length;
      }
      const { benefitIds, giftPackIds, termMonths: _m, termDays: _d, ...fields } = input;
      Object.assign(tier, fields);
      if (benefitIds) tier.benefits = await findBenefitsOrThrow(manager, benefitIds, tier.benefits);
      if (giftPackIds) tier.giftPacks = await this.findGiftPacks(manager, giftPackIds, tier.giftPacks);
      await manager.save(tier);
      const after = toAdminTierView(await this.getOrThrow(manager, id));
      await this.cacheVersions.bump(manager, CacheArea.TIERS);
      await this.audit.record(manager, actor, {
        action: input.status && input.status !== before.status ? `tier.${input.status.toLowerCase()}` : 'tier.update',
        entity: 'tier',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  private async getOrThrow(manager: EntityManager, id: number): Promise<Tier> {
    const tier = await manager.findOne(Tier, { where: { id }, relations: TIER_RELATIONS });
    if (!tier) throw notFound(ErrorCode.TIER_NOT_FOUND, `Tier ${id} not found`);
    return tier;
  }

  /** The packs with these ids; an archived one only if the tier already offered it (it sells no more). */
  private async findGiftPacks(
    manager: EntityManager,
    ids: number[],
    kept: readonly GiftPack[] = [],
  ): Promise<GiftPack[]> {
    const unique = [...new Set(ids)];
    const packs = unique.length ? await manager.findBy(GiftPack, { id: In(unique) }) : [];
    if (packs.length !== unique.length)
      throw badRequest(ErrorCode.GIFT_PACK_NOT_FOUND, 'Some giftPackIds do not exist');
    const archived = packs.find((pack) => pack.status === 'ARCHIVED' && !kept.some((old) => old.id === pack.id));
    if (archived)
      throw conflict(ErrorCode.GIFT_PACK_ARCHIVED, `礼包「${archived.name}」已归档，不能再加入`, {
        giftPackId: archived.id,
      });
    return packs;
  }
}

function exactlyOneTerm(months: number | undefined, days: number | undefined): { unit: TermUnit; length: number } {
  if ((months === undefined) === (days === undefined)) {
    throw badRequest(ErrorCode.INVALID_TERM, 'Give exactly one of termMonths or termDays');
  }
  return months !== undefined ? { unit: TermUnit.MONTH, length: months } : { unit: TermUnit.DAY, length: days! };
}
