import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { ErrorCode, GiftPackView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { badRequest, notFound } from '../common/domain-error';
import { initialLifecycle, moveLifecycle } from '../common/lifecycle';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { GiftPackItemDto, CreateGiftPackDto, UpdateGiftPackDto } from './dto/gift-pack.dto';
import { GiftPackItem } from './gift-pack-item.entity';
import { toGiftPackView } from './gift-pack-views';
import { GiftPack } from './gift-pack.entity';
import { Sku } from './sku.entity';

const PACK_RELATIONS = { items: { sku: { product: true } } } as const;

/**
 * Gift packs: stock-limited SKU bundles used as welcome gifts and milestone rewards. Never deleted: an archived
 * pack is offered to no new buyer, and still to the terms that began before it was archived.
 */
@Injectable()
export class GiftPacksService {
  constructor(
    @InjectRepository(GiftPack) private readonly packs: Repository<GiftPack>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<GiftPackView[]> {
    return (await this.packs.find({ relations: PACK_RELATIONS, order: { id: 'ASC' } })).map(toGiftPackView);
  }

  async get(id: number): Promise<GiftPackView> {
    return toGiftPackView(await this.getOrThrow(this.packs.manager, id));
  }

  create(actor: StaffPrincipal, input: CreateGiftPackDto): Promise<GiftPackView> {
    return this.transactions.run(async (manager) => {
      await this.assertSkusExist(manager, input.items);
      const pack = await manager.save(
        manager.create(GiftPack, {
          name: input.name,
          description: input.description ?? '',
          valueFen: input.valueFen,
          stock: input.stock,
          standaloneFen: input.standaloneFen ?? null,
          image: input.image ?? null,
          items: input.items.map((item) => manager.create(GiftPackItem, item)),
          ...initialLifecycle(input.status, '礼包'),
        }),
      );
      const view = toGiftPackView(await this.getOrThrow(manager, pack.id));
      await this.audit.record(manager, actor, {
        action: 'gift_pack.create',
        entity: 'gift_pack',
        entityId: pack.id,
        after: view,
      });
      return view;
    });
  }

  update(actor: StaffPrincipal, id: number, input: UpdateGiftPackDto): Promise<GiftPackView> {
    return this.transactions.run(async (manager) => {
      const pack = await this.getOrThrow(manager, id);
      const before = toGiftPackView(pack);
      const { items, status, ...fields } = input;
      Object.assign(pack, fields);
      moveLifecycle(pack, status, this.clock.now(), '礼包');
      await manager.save(GiftPack, { ...pack, items: undefined });
      if (items) {
        await this.assertSkusExist(manager, items);
        await manager.delete(GiftPackItem, { giftPackId: id });
        await manager.insert(
          GiftPackItem,
          items.map((item) => ({ ...item, giftPackId: id })),
        );
      }
      const after = toGiftPackView(await this.getOrThrow(manager, id));
      await this.audit.record(manager, actor, {
        action: 'gift_pack.update',
        entity: 'gift_pack',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  private async getOrThrow(manager: EntityManager, id: number): Promise<GiftPack> {
    const pack = await manager.findOne(GiftPack, { where: { id }, relations: PACK_RELATIONS });
    if (!pack) throw notFound(ErrorCode.GIFT_PACK_NOT_FOUND, `Gift pack ${id} not found`);
    return pack;
  }

  private async assertSkusExist(manager: EntityManager, items: GiftPackItemDto[]): Promise<void> {
    const ids = [...new Set(items.map((item) => item.skuId))];
    if ((await manager.countBy(Sku, { id: In(ids) })) !== ids.length) {
      throw badRequest(ErrorCode.SKU_NOT_FOUND, 'Some gift pack items name SKUs that do not exist');
    }
  }
}
