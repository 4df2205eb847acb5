import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ClaimableGiftView,
  ErrorCode,
  servesSince,
  MilestoneGiftView,
  MyGiftPacksView,
  OrderKind,
  OrderView,
  WelcomeGiftView,
} from '@member-commerce/shared';
import { isUniqueViolation } from '../common/api-exception.filter';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { toGiftPackSummary } from '../catalog/gift-pack-views';
import { GiftPack } from '../catalog/gift-pack.entity';
import { AddressesService } from '../customers/addresses.service';
import { MembershipTerm } from '../membership/membership-term.entity';
import { MembershipService } from '../membership/membership.service';
import { offersWelcomeGift } from '../membership/term-kinds';
import { Tier } from '../membership/tier.entity';
import { toOrderView } from '../orders/order-views';
import { Order } from '../orders/order.entity';
import { reserveGiftPack } from '../orders/stock';
import { ClaimGiftPackDto } from './dto/claim-gift-pack.dto';
import { GiftClaim } from './gift-claim.entity';
import { claimKey, GiftOrders } from './gift-orders';
import { reachedMilestones } from './milestone-rules';
import { Milestone } from './milestone.entity';
import { SpendService } from './spend.service';
import { termBoughtBy } from '../membership/bought-term';

type Claimable = ClaimableGiftView & { runFirstTermId?: number };

export const PACK_RELATIONS = { items: { sku: { product: true } } } as const;

const alreadyClaimed = (source: ClaimGiftPackDto['source']) =>
  source === 'WELCOME'
    ? conflict(ErrorCode.GIFT_ALREADY_CLAIMED, 'The welcome gift of this term has already been claimed')
    : conflict(ErrorCode.MILESTONE_ALREADY_CLAIMED, 'This milestone gift has already been claimed');

/** The member's gifts: the welcome pack chosen later, and milestone packs unlocked by spend. */
@Injectable()
export class GiftClaimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly memberships: MembershipService,
    private readonly spend: SpendService,
    private readonly giftOrders: GiftOrders,
    private readonly addresses: AddressesService,
    private readonly clock: Clock,
  ) {}

  /** Everything the member's gift page says: the welcome gift, every milestone with its status, gift orders. */
  async myGiftPacks(customerId: number): Promise<MyGiftPacksView> {
    const manager = this.dataSource.manager;
    const orders = await manager.find(Order, {
      where: { customerId, kind: OrderKind.GIFT },
      relations: { lines: true },
      order: { id: 'DESC' },
    });
    const milestones = await manager.find(Milestone, { relations: { giftPack: true }, order: { thresholdFen: 'ASC' } });
    const active = await this.memberships.activeTerm(customerId, this.clock.now(), manager);
    if (!active) {
      const locked = milestones
        .filter((milestone) => milestone.status === 'ACTIVE')
        .map((milestone) => milestoneView(milestone, 0, null));
      return {
        member: false,
        spendFen: 0,
        welcome: null,
        milestones: locked,
        claimable: [],
        orders: orders.map(toOrderView),
      };
    }
    const term = active.term;
    const claimable = await this.claimable(manager, customerId);
    const spendFen = await this.spend.countedSpend(term.id, manager);
    const run = await this.spend.runOf(term.id, manager);
    const runFirstTermId = run?.firstTermId ?? term.id;
    const keys = milestones.map((milestone) => claimKey('MILESTONE', runFirstTermId, milestone.id));
    const claims = keys.length ? await manager.findBy(GiftClaim, { claimKey: In(keys) }) : [];
    // An archived milestone stays on the page of a run begun before it was archived, and wherever it was claimed.
    const shown = milestones.filter(
      (milestone) =>
        servesSince(milestone, run?.start ?? term.start) || claims.some((claim) => claim.milestoneId === milestone.id),
    );
    return {
      member: true,
      spendFen,
      welcome: await this.welcomeView(
        manager,
        (await this.welcomeTermOf(manager, term)).id,
        term.snapshot.tierName,
        claimable,
      ),
      milestones: shown.map((milestone) =>
        milestoneView(milestone, spendFen, claims.find((claim) => claim.milestoneId === milestone.id) ?? null),
      ),
      claimable: claimable.map(({ runFirstTermId: _run, ...view }) => view),
      orders: orders.map(toOrderView),
    };
  }

  private async welcomeView(
    manager: EntityManager,
    termId: number,
    tierName: string,
    claimable: Claimable[],
  ): Promise<WelcomeGiftView> {
    const title = `${tierName}开卡礼`;
    const claim = await manager.findOneBy(GiftClaim, { termId, source: 'WELCOME' });
    if (claim) {
      const pack = await manager.findOne(GiftPack, { where: { id: claim.giftPackId }, relations: PACK_RELATIONS });
      return { status: 'CLAIMED', title, orderId: claim.orderId, giftPack: pack ? toGiftPackSummary(pack) : null };
    }
    const open = claimable.find((gift) => gift.source === 'WELCOME');
    return open ? { status: 'CLAIMABLE', title: open.title } : { status: 'NONE', title };
  }

  claim(customerId: number, input: ClaimGiftPackDto): Promise<OrderView> {
    return this.transactions.run(async (manager) => {
      const options = (await this.claimable(manager, customerId)).find(
        (gift) =>
          gift.source === input.source &&
          gift.termId === input.termId &&
          (gift.milestoneId ?? null) === (input.milestoneId ?? null),
      );
      if (!options) {
        const claimed = await manager.existsBy(GiftClaim, {
          termId: input.termId,
          source: input.source,
          ...(input.source === 'MILESTONE' ? { milestoneId: input.milestoneId } : {}),
        });
        if (claimed) throw alreadyClaimed(input.source);
        throw conflict(ErrorCode.MILESTONE_NOT_REACHED, 'Nothing to claim here (yet)');
      }
      if (!options.options.some((pack) => pack.id === input.giftPackId)) {
        throw badRequest(ErrorCode.GIFT_PACK_NOT_OFFERED, `Gift pack ${input.giftPackId} is not an option here`);
      }
      const pack = await manager.findOne(GiftPack, { where: { id: input.giftPackId }, relations: PACK_RELATIONS });
      if (!pack) throw notFound(ErrorCode.GIFT_PACK_NOT_FOUND, `Gift pack ${input.giftPackId} not found`);
      const address = input.addressId
        ? await this.addresses.snapshotOf(manager, customerId, input.addressId)
        : await this.addresses.defaultSnapshot(manager, customerId);
      if (!address) throw badRequest(ErrorCode.ADDRESS_REQUIRED, 'A gift pack needs a delivery address');
      await reserveGiftPack(manager, pack.id, pack.name);
      try {
        const order = await this.giftOrders.create(manager, {
          customerId,
          termId: input.termId,
          source: input.source,
          milestoneId: input.milestoneId ?? null,
          runFirstTermId: options.runFirstTermId,
          pack,
          address,
          now: this.clock.now(),
        });
        return toOrderView(await manager.findOneOrFail(Order, { where: { id: order.id }, relations: { lines: true } }));
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyClaimed(input.source);
        throw error;
      }
    });
  }

  /**
   * The term whose welcome gift the current term carries: itself, or for the carried-over rest of a term (a tier
   * change cut it) the paid term of the same order — the gift was bought with that order, claimed or not yet.
   */
  private async welcomeTermOf(manager: EntityManager, term: MembershipTerm): Promise<MembershipTerm> {
    if (term.source !== 'CARRY_OVER' || !term.orderId) return term;
    return (await termBoughtBy(manager, term.orderId)) ?? term;
  }

  /** Gifts the customer may claim now, in the current term only. */
  private async claimable(manager: EntityManager, customerId: number): Promise<Claimable[]> {
    const active = await this.memberships.activeTerm(customerId, this.clock.now(), manager);
    if (!active) return [];
    const term = active.term;
    const claimed = new Set((await manager.findBy(GiftClaim, { termId: term.id })).map((claim) => claim.claimKey));
    const gifts: Claimable[] = [];

    const welcomeTerm = await this.welcomeTermOf(manager, term);
    const welcomeClaimed =
      welcomeTerm.id === term.id
        ? claimed.has(claimKey('WELCOME', term.id))
        : await manager.existsBy(GiftClaim, { claimKey: claimKey('WELCOME', welcomeTerm.id) });
    // A paid term (or a redeemed code) offers its welcome gift, a carried-over rest the one of its paid term; a trial,
    // a grant or a grace period none (membership/term-kinds.ts).
    if (offersWelcomeGift(welcomeTerm) && !welcomeClaimed) {
      const tier = await manager.findOne(Tier, {
        where: { id: term.tierId },
        relations: { giftPacks: PACK_RELATIONS },
      });
      // Packs the term bought, whatever the tier offers today (the term's snapshot; older terms: the tier's packs
      // that were still offered when the term began). Archived packs keep serving the terms that hold them.
      const sold = welcomeTerm.snapshot.giftPackIds;
      const packs = sold
        ? await manager.find(GiftPack, {
            where: { id: In(sold) },
            relations: PACK_RELATIONS,
            order: { id: 'ASC' },
          })
        : (tier?.giftPacks ?? []).filter((pack) => servesSince(pack, welcomeTerm.start));
      if (tier && tier.giftPackChoices > 0 && packs.length) {
        gifts.push({
          source: 'WELCOME',
          termId: welcomeTerm.id,
          title: `${term.snapshot.tierName}开卡礼`,
          options: packs.map(toGiftPackSummary),
        });
      }
    }

    const run = await this.spend.runOf(term.id, manager);
    const spendFen = await this.spend.countedSpend(term.id, manager);
    const milestones = await manager.find(Milestone, { relations: { giftPack: PACK_RELATIONS } });
    const runKeys = milestones.map((milestone) => claimKey('MILESTONE', run?.firstTermId ?? term.id, milestone.id));
    const claimedInRun = new Set(
      runKeys.length ? (await manager.findBy(GiftClaim, { claimKey: In(runKeys) })).map((claim) => claim.claimKey) : [],
    );
    const served = milestones.filter((milestone) => servesSince(milestone, run?.start ?? term.start));
    for (const milestone of reachedMilestones(served, spendFen)) {
      if (!milestone.giftPack || claimedInRun.has(claimKey('MILESTONE', run?.firstTermId ?? term.id, milestone.id)))
        continue;
      gifts.push({
        source: 'MILESTONE',
        termId: term.id,
        milestoneId: milestone.id,
        title: milestone.title,
        options: [toGiftPackSummary(milestone.giftPack)],
        runFirstTermId: run?.firstTermId,
      });
    }
    return gifts;
  }
}

function milestoneView(milestone: Milestone, spendFen: number, claim: GiftClaim | null): MilestoneGiftView {
  const reached = spendFen >= milestone.thresholdFen;
  return {
    milestoneId: milestone.id,
    title: milestone.title,
    thresholdFen: milestone.thresholdFen,
    remainingFen: Math.max(0, milestone.thresholdFen - spendFen),
    status: claim ? 'CLAIMED' : !reached ? 'LOCKED' : milestone.giftPack ? 'CLAIMABLE' : 'REACHED',
    giftPack: milestone.giftPack ? toGiftPackSummary(milestone.giftPack) : null,
    orderId: claim?.orderId ?? null,
  };
}
