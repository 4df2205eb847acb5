import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LIKE_ESCAPE, likePattern, queryGrams } from './search-grams';

/** Which on-sale products a storefront listing shows. */
export interface ListingFilter {
  category?: string;
  /** Normalised query segments (`querySegments`); empty for no search. */
  segments: string[];
  /** Products with a later `publicFrom` stay hidden (see `visibleUntil` in priority-access.ts). */
  visibleUntil: Date;
}

export interface ProductRow {
  id: number;
  title: string;
  subtitle: string;
  description: string;
  category: string;
  images: string[];
  publicFrom: Date | null;
}

export interface SkuRow {
  id: number;
  productId: number;
  code: string;
  name: string;
  listPriceFen: number;
  stock: number;
  images: string[];
}

interface RawProductRow extends Omit<ProductRow, 'images' | 'publicFrom'> {
  images: string;
  publicFrom: Date | string | null;
}

const END_OF_TIME = new Date('9999-12-31T23:59:59.999Z');
const PRODUCT_COLUMNS = 'p.id, p.title, p.subtitle, p.description, p.category, p.images, p.publicFrom';
/** The listing's order; IDX_product_listing and IDX_product_category_listing hold it. */
const LISTING_ORDER = 'ORDER BY p.sortOrder ASC, p.id DESC';

/**
 * The storefront's reads of products and SKUs, in plain SQL that SQLite and MariaDB run alike: this is the
 * hottest path of the API, so rows are read without entity hydration.
 */
@Injectable()
export class CatalogListingRepository {
  private readonly mysql: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.mysql = dataSource.options.type === 'mysql';
  }

  async page(filter: ListingFilter, limit: number, offset: number): Promise<ProductRow[]> {
    const { from, where, params } = this.listing(filter);
    const rows: RawProductRow[] = await this.dataSource.query(
      `SELECT ${PRODUCT_COLUMNS} ${from} WHERE ${where} ${LISTING_ORDER} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return rows.map((row) => this.toProductRow(row));
  }

  async count(filter: ListingFilter): Promise<number> {
    const { from, where, params } = this.listing(filter);
    const [row]: { total: number | string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total ${from} WHERE ${where}`,
      params,
    );
    return Number(row.total);
  }

  /**
   * The instants between which the listing's membership cannot change with time: the latest `publicFrom` already
   * passed (`filter.visibleUntil` or before) and the next one still ahead; null when there is none.
   */
  async revealBounds(filter: ListingFilter): Promise<{ previous: Date | null; next: Date | null }> {
    const { from, where, params } = this.listing({ ...filter, visibleUntil: END_OF_TIME });
    const until = this.time(filter.visibleUntil);
    const [row]: { previous: Date | string | null; next: Date | string | null }[] = await this.dataSource.query(
      `SELECT MAX(CASE WHEN p.publicFrom <= ? THEN p.publicFrom END) AS previous, MIN(CASE WHEN p.publicFrom > ? THEN p.publicFrom END) AS next ${from} WHERE ${where}`,
      [until, until, ...params],
    );
    return { previous: this.readTime(row?.previous ?? null), next: this.readTime(row?.next ?? null) };
  }

  async categories(visibleUntil: Date): Promise<{ name: string; productCount: number }[]> {
    const { from, where, params } = this.listing({ segments: [], visibleUntil });
    const rows: { name: string; productCount: number | string }[] = await this.dataSource.query(
      `SELECT p.category AS name, COUNT(*) AS productCount ${from} WHERE ${where} GROUP BY p.category ORDER BY MIN(p.sortOrder) ASC, p.category ASC`,
      params,
    );
    return rows.map((row) => ({ name: row.name, productCount: Number(row.productCount) }));
  }

  async findOnSale(id: number): Promise<ProductRow | undefined> {
    const rows: RawProductRow[] = await this.dataSource.query(
      `SELECT ${PRODUCT_COLUMNS} FROM product p WHERE p.id = ? AND p.onSale = 1`,
      [id],
    );
    return rows.length ? this.toProductRow(rows[0]) : undefined;
  }

  /** The SKUs of these products, by product id then SKU id. */
  async skusOf(productIds: number[]): Promise<SkuRow[]> {
    if (!productIds.length) return [];
    const rows: (Omit<SkuRow, 'images'> & { images: string | null })[] = await this.dataSource.query(
      `SELECT id, productId, code, name, listPriceFen, stock, images FROM sku WHERE productId IN (${productIds.map(() => '?').join(', ')}) ORDER BY productId, id`,
      productIds,
    );
    return rows.map((row) => ({
      ...row,
      id: Number(row.id),
      productId: Number(row.productId),
      listPriceFen: Number(row.listPriceFen),
      stock: Number(row.stock),
      images: row.images ? (JSON.parse(row.images) as string[]) : [],
    }));
  }

  /** One tier's price list: SKU id → member price. */
  async priceList(tierId: number): Promise<Map<number, number>> {
    const rows: { skuId: number; priceFen: number }[] = await this.dataSource.query(
      'SELECT skuId, priceFen FROM sku_member_price WHERE tierId = ?',
      [tierId],
    );
    return new Map(rows.map((row) => [Number(row.skuId), Number(row.priceFen)]));
  }

  private listing(filter: ListingFilter): { from: string; where: string; params: unknown[] } {
    const params: unknown[] = [];
    let from = 'FROM product p';
    const grams = queryGrams(filter.segments);
    if (grams.length) {
      // Products holding every gram of the query (the gram table's primary key serves this), then LIKE below.
      from += ` JOIN (SELECT g.productId FROM product_search_gram g WHERE g.gram IN (${grams.map(() => '?').join(', ')}) GROUP BY g.productId HAVING COUNT(*) = ?) m ON m.productId = p.id`;
      params.push(...grams, grams.length);
    }
    const where = ['p.onSale = 1', '(p.publicFrom IS NULL OR p.publicFrom <= ?)'];
    params.push(this.time(filter.visibleUntil));
    if (filter.category) {
      where.push('p.category = ?');
      params.push(filter.category);
    }
    for (const segment of filter.segments) {
      where.push(`p.searchText LIKE ? ESCAPE '${LIKE_ESCAPE}'`);
      params.push(likePattern(segment));
    }
    return { from, where: where.join(' AND '), params };
  }

  private toProductRow(row: RawProductRow): ProductRow {
    return {
      id: Number(row.id),
      title: row.title,
      subtitle: row.subtitle,
      description: row.description,
      category: row.category,
      images: row.images ? (JSON.parse(row.images) as string[]) : [],
      publicFrom: this.readTime(row.publicFrom),
    };
  }

  /** A time as a query parameter: TypeORM stores SQLite datetimes as UTC text, MySQL gets a Date (timezone Z). */
  private time(date: Date): Date | string {
    return this.mysql ? date : date.toISOString().replace('T', ' ').slice(0, 23);
  }

  private readTime(value: Date | string | null): Date | null {
    if (value === null || value === undefined) return null;
    return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
  }
}
