import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, MoreThan, Not } from 'typeorm';
import {
  ErrorCode,
  fenToYuanString,
  PriceListApplyResult,
  PriceListPreview,
  TierStatus,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { badRequest, conflict } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { Tier } from '../membership/tier.entity';
import { AuditService } from '../staff/audit.service';
import { SkuMemberPrice } from '../catalog/sku-member-price.entity';
import { Sku } from '../catalog/sku.entity';
import { comparePriceList, PlannedPrice, PriceListState } from './price-list-compare';
import { parsePriceListCsv, PRICE_LIST_HEADER, PriceListFileRow } from './price-list-csv';
import { safeCsvStringifier } from '../common/spreadsheet-cell';
import { CacheArea } from '../cache/cache-areas';
import { CacheVersionsService } from '../cache/cache-versions.service';

const EXPORT_BATCH = 500;
/** Rows per multi-row INSERT: well under SQLite's 32766 bound parameters. */
const INSERT_BATCH = 500;

/** Import (preview, then apply exactly what was previewed) and export of the per-tier member price lists. */
@Injectable()
export class PriceListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly cacheVersions: CacheVersionsService,
  ) {}

  async preview(csv: string): Promise<PriceListPreview> {
    return (await this.compare(this.dataSource.manager, csv)).preview;
  }

  /** All or nothing: refused when any row is invalid, or when the file or the prices changed since the preview. */
  apply(actor: StaffPrincipal, csv: string, token: string): Promise<PriceListApplyResult> {
    return this.transactions.run(async (manager) => {
      const { preview, planned } = await this.compare(manager, csv);
      if (preview.token !== token) {
        throw conflict(
          ErrorCode.PRICE_LIST_STALE,
          'The file or the current prices changed since the preview; preview again',
        );
      }
      if (!preview.canApply) {
        throw badRequest(
          ErrorCode.PRICE_LIST_INVALID,
          `${preview.summary.invalid} rows are invalid; nothing was applied`,
          { summary: preview.summary },
        );
      }
      await this.write(manager, planned);
      await this.cacheVersions.bump(manager, CacheArea.CATALOG);
      await this.audit.record(manager, actor, {
        action: 'price_list.import',
        entity: 'price_list',
        before: planned.map((p) => ({ skuCode: p.skuCode, tierCode: p.tierCode, memberPriceFen: p.oldPriceFen })),
        after: planned.map((p) => ({ skuCode: p.skuCode, tierCode: p.tierCode, memberPriceFen: p.newPriceFen })),
      });
      return { summary: preview.summary };
    });
  }

  /** Every SKU × every tier not archived, in the import format; streamed in batches so memory stays flat. */
  export(): Readable {
    const csv = safeCsvStringifier(PRICE_LIST_HEADER);
    Readable.from(this.exportRows())
      .on('error', (error) => csv.destroy(error))
      .pipe(csv);
    return csv;
  }

  private async *exportRows(): AsyncGenerator<string[]> {
    const manager = this.dataSource.manager;
    const tiers = await manager.find(Tier, {
      where: { status: Not(TierStatus.ARCHIVED) },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
    let afterId = 0;
    for (;;) {
      const skus = await manager.find(Sku, {
        where: { id: MoreThan(afterId) },
        relations: { product: true, memberPrices: true },
        order: { id: 'ASC' },
        take: EXPORT_BATCH,
      });
      if (!skus.length) return;
      for (const sku of skus) {
        for (const tier of tiers) {
          const own = sku.memberPrices.find((price) => price.tierId === tier.id);
          yield [
            sku.code,
            sku.product.title,
            sku.name,
            fenToYuanString(sku.listPriceFen),
            tier.code,
            tier.name,
            own ? fenToYuanString(own.priceFen) : '',
          ];
        }
      }
      afterId = skus[skus.length - 1].id;
    }
  }

  private async compare(manager: EntityManager, csv: string) {
    const rows = parsePriceListCsv(csv);
    const state = await this.loadState(manager, rows);
    const fileHash = createHash('sha256').update(csv).digest('hex');
    return comparePriceList(fileHash, rows, state);
  }

  private async loadState(manager: EntityManager, rows: PriceListFileRow[]): Promise<PriceListState> {
    const skuCodes = [...new Set(rows.map((row) => row.skuCode).filter(Boolean))];
    const skus = new Map<
      string,
      { id: number; code: string; productTitle: string; skuName: string; listPriceFen: number }
    >();
    for (let i = 0; i < skuCodes.length; i += EXPORT_BATCH) {
      const found = await manager.find(Sku, {
        where: { code: In(skuCodes.slice(i, i + EXPORT_BATCH)) },
        relations: { product: true },
      });
      for (const sku of found)
        skus.set(sku.code, {
          id: sku.id,
          code: sku.code,
          productTitle: sku.product.title,
          skuName: sku.name,
          listPriceFen: sku.listPriceFen,
        });
    }
    const tiers = new Map(
      (await manager.find(Tier)).map((tier) => [tier.code, { id: tier.id, code: tier.code, name: tier.name }]),
    );
    const prices = new Map<string, number>();
    const skuIds = [...skus.values()].map((sku) => sku.id);
    for (let i = 0; i < skuIds.length; i += EXPORT_BATCH) {
      for (const price of await manager.findBy(SkuMemberPrice, { skuId: In(skuIds.slice(i, i + EXPORT_BATCH)) })) {
        prices.set(`${price.skuId}:${price.tierId}`, price.priceFen);
      }
    }
    return { skus, tiers, prices };
  }

  private async write(manager: EntityManager, planned: PlannedPrice[]): Promise<void> {
    const added = planned
      .filter((price) => price.change === 'ADD')
      .map((price) => ({ skuId: price.skuId, tierId: price.tierId, priceFen: price.newPriceFen! }));
    for (let i = 0; i < added.length; i += INSERT_BATCH)
      await manager.insert(SkuMemberPrice, added.slice(i, i + INSERT_BATCH));
    for (const price of planned) {
      const where = { skuId: price.skuId, tierId: price.tierId };
      if (price.change === 'REMOVE') await manager.delete(SkuMemberPrice, where);
      if (price.change === 'UPDATE') await manager.update(SkuMemberPrice, where, { priceFen: price.newPriceFen! });
    }
  }
}
