import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BenefitType, StaffRole, TermUnit, TierStatus } from '@member-commerce/shared';
import { Clock } from '../../common/clock';
import { contentsValueFen, giftValueClaim } from '../../catalog/gift-pack-value';
import { GiftPack } from '../../catalog/gift-pack.entity';
import { GiftPackItem } from '../../catalog/gift-pack-item.entity';
import { reindexProductSearch } from '../../catalog/product-search-index';
import { Product } from '../../catalog/product.entity';
import { Sku } from '../../catalog/sku.entity';
import { SkuMemberPrice } from '../../catalog/sku-member-price.entity';
import { Customer } from '../../customers/customer.entity';
import { devOpenid } from '../../wechat/dev/dev-openid';
import { Benefit } from '../../membership/benefit.entity';
import { MembershipTermsService, tierTerms } from '../../membership/membership-terms.service';
import { Membership } from '../../membership/membership.entity';
import { MembershipTerm } from '../../membership/membership-term.entity';
import { Tier } from '../../membership/tier.entity';
import { Milestone } from '../../milestones/milestone.entity';
import { PasswordHasher } from '../../staff/password-hasher';
import { StaffUser } from '../../staff/staff-user.entity';
import { Transactions } from '../transactions';
import { OrderStateMachine } from '../../orders/order-state';
import { CouponIssuerJob } from '../../coupons/coupon-issuer.job';
import { DEMO_PRODUCTS } from './demo-catalog';
import { seedFinanceYear } from './demo-finance-year';
import { DEMO_BANNER_FILES, DEMO_SKU_PICTURES, storeDemoPictures } from './demo-pictures';
import { Banner } from '../../banners/banner.entity';
import { MediaService } from '../../media/media.service';
import { seedPaidOrders } from './demo-orders';
import { LedgerService } from '../../finance/ledger.service';
import { BasketPricingService } from '../../checkout/basket-pricing.service';

const DAY = 24 * 3600 * 1000;

export const DEMO_STAFF: { username: string; password: string; role: StaffRole }[] = [
  { username: 'admin', password: 'admin123', role: 'admin' },
  { username: 'operator', password: 'operator123', role: 'operator' },
  { username: 'finance', password: 'finance123', role: 'finance' },
  { username: 'support', password: 'support123', role: 'support' },
];

/** Fills an empty database with a believable shop: its tiers, catalogue, demo customers and demo staff accounts. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly machine: OrderStateMachine,
    private readonly couponIssuer: CouponIssuerJob,
    private readonly terms: MembershipTermsService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly media: MediaService,
    private readonly pricing: BasketPricingService,
  ) {}

  async hasStaff(): Promise<boolean> {
    return (await this.dataSource.manager.count(StaffUser)) > 0;
  }

  /** Seeds once: a database that already has tiers or staff is left alone. */
  async seedIfEmpty(): Promise<boolean> {
    const manager = this.dataSource.manager;
    if ((await manager.count(Tier)) > 0 || (await manager.count(StaffUser)) > 0) return false;
    const started = Date.now();
    const hashes = await Promise.all(DEMO_STAFF.map((staff) => this.hasher.hash(staff.password)));
    const pictures = await storeDemoPictures(this.media, [
      ...DEMO_PRODUCTS.map((demo) => demo.skus[0].code),
      ...DEMO_SKU_PICTURES,
      ...DEMO_BANNER_FILES,
    ]);
    let demoMemberId = 0;
    await this.transactions.run(async (tx) => {
      await tx.insert(
        StaffUser,
        DEMO_STAFF.map((staff, i) => ({
          username: staff.username,
          passwordHash: hashes[i],
          role: staff.role,
          active: true,
        })),
      );
      const benefits = await this.seedBenefits(tx);
      const skus = await this.seedProducts(tx, pictures);
      await this.seedBanners(tx, skus, pictures);
      const packs = await this.seedGiftPacks(tx, skus);
      const tiers = await this.seedTiers(tx, benefits, packs);
      await this.seedMemberPrices(tx, skus, tiers);
      await this.seedMilestones(tx, packs, benefits);
      demoMemberId = await this.seedCustomers(tx, tiers);
      await seedFinanceYear(tx, {
        machine: this.machine,
        terms: this.terms,
        ledger: this.ledger,
        tiers,
        now: this.clock.now(),
      });
    });
    await this.seedDemoOrders(demoMemberId);
    // Seeded members got their terms without an order: their tiers' coupons are issued as the job would.
    await this.couponIssuer.run();
    this.logger.log(`Seeded demo data in ${Date.now() - started} ms`);
    return true;
  }

  private async seedBenefits(tx: EntityManager): Promise<Record<string, Benefit>> {
    const rows: Partial<Benefit>[] = [
      {
        type: BenefitType.MEMBER_PRICE,
        title: '会员专享价',
        description: '全场商品享会员价，最高省 30%',
        icon: 'price',
        config: null,
      },
      {
        type: BenefitType.WELCOME_GIFT,
        title: '开卡礼包',
        description: '开卡即得精选好礼，多款礼包任选其一',
        icon: 'gift',
        config: null,
      },
      {
        type: BenefitType.PRIORITY_ACCESS,
        title: '新品优先购',
        description: '新品上架会员提前 48 小时抢先购',
        icon: 'clock',
        config: { hours: 48 },
      },
      {
        type: BenefitType.SPEND_MILESTONE,
        title: '消费里程碑礼',
        description: '累计消费满 5000/1 万/5 万/10 万元解锁好礼',
        icon: 'trophy',
        config: null,
      },
      {
        type: BenefitType.FREE_SHIPPING,
        title: '全场包邮',
        description: '会员订单不限金额包邮',
        icon: 'truck',
        config: null,
      },
      {
        type: BenefitType.COUPON,
        title: '每月 50 元券',
        description: '开卡当日起每月发放一张满 300 减 50 元券',
        icon: 'coupon',
        config: { amountFen: 5000, thresholdFen: 30000, validDays: 30, perMonth: true, quantity: 1 },
      },
      {
        type: BenefitType.SERVICE,
        title: '专属客服',
        description: '黑金会员 1 对 1 专属管家服务',
        icon: 'service',
        config: { phone: '400-800-1234', wechatId: 'mc-vip-service' },
      },
    ];
    const saved = await tx.save(
      Benefit,
      rows.map((row) => tx.create(Benefit, row)),
    );
    return Object.fromEntries(saved.map((benefit) => [benefit.type, benefit]));
  }

  private async seedProducts(tx: EntityManager, pictures: Map<string, string>): Promise<Map<string, Sku>> {
    const now = this.clock.now();
    const skus = new Map<string, Sku>();
    for (const [index, demo] of DEMO_PRODUCTS.entries()) {
      const product = await tx.save(
        tx.create(Product, {
          title: demo.title,
          subtitle: demo.subtitle,
          description: `${demo.title}。${demo.subtitle}。会员专享价，品质保障，48 小时内发货。`,
          category: demo.category,
          images: demo.skus.map((sku) => pictures.get(sku.code)).filter((url): url is string => url !== undefined),
          onSale: true,
          publicFrom: demo.memberFirstHours ? new Date(now.getTime() + demo.memberFirstHours * 3600 * 1000) : null,
          sortOrder: index,
          skus: demo.skus.map(({ memberPrices: _prices, ...sku }, i) =>
            tx.create(Sku, { ...sku, images: i > 0 && pictures.has(sku.code) ? [pictures.get(sku.code)!] : [] }),
          ),
        }),
      );
      await reindexProductSearch(tx, product);
      for (const sku of product.skus) skus.set(sku.code, Object.assign(sku, { productId: product.id }));
    }
    return skus;
  }

  private async seedBanners(tx: EntityManager, skus: Map<string, Sku>, pictures: Map<string, string>): Promise<void> {
    const productOf = (code: string) => String(skus.get(code)!.productId);
    await tx.insert(Banner, [
      {
        title: '车厘子季 · 会员抢先购',
        image: pictures.get('banner-fresh')!,
        linkType: 'PRODUCT',
        linkTarget: productOf('CHERRY-2KG'),
        sortOrder: 1,
      },
      {
        title: '新米上市 会员价 79 元起',
        image: pictures.get('banner-kitchen')!,
        linkType: 'CATEGORY',
        linkTarget: '粮油米面',
        sortOrder: 2,
      },
      {
        title: '明前龙井 头采限量',
        image: pictures.get('banner-tea')!,
        linkType: 'PRODUCT',
        linkTarget: productOf('TEA-LONGJING'),
        sortOrder: 3,
      },
    ]);
  }

  private async seedGiftPacks(tx: EntityManager, skus: Map<string, Sku>): Promise<Record<string, GiftPack>> {
    // The declared value is what the contents are worth at list price, so no seeded pack over-promises.
    const pack = async (key: string, name: string, description: string, items: [string, number][]) => {
      const saved = await tx.save(
        tx.create(GiftPack, {
          name,
          description,
          valueFen: contentsValueFen(items.map(([code, quantity]) => ({ sku: skus.get(code)!, quantity }))),
          stock: 500,
          image: null,
          items: items.map(([code, quantity]) => tx.create(GiftPackItem, { skuId: skus.get(code)!.id, quantity })),
        }),
      );
      return [key, saved] as const;
    };
    return Object.fromEntries([
      await pack('fresh', '鲜享生鲜礼包', '牛排、三文鱼、车厘子，一次吃个痛快', [
        ['STEAK-10', 2],
        ['SALMON-500', 2],
        ['CHERRY-2KG', 1],
        ['APPLE-5KG', 2],
      ]),
      await pack('kitchen', '粮油厨房礼包', '一整年的米面粮油', [
        ['RICE-10KG', 4],
        ['OIL-5L', 3],
        ['NOODLE-2KG', 4],
        ['EGG-30', 3],
      ]),
      await pack('home', '个护家居礼包', '四件套、电动牙刷与日用囤货', [
        ['BEDDING-18', 1],
        ['TOOTHBRUSH', 1],
        ['TISSUE-24', 2],
        ['PODS-100', 2],
      ]),
      await pack('black-luxe', '黑金臻选礼包', '顶级龙井、牛排与海鲜', [
        ['TEA-LONGJING', 3],
        ['STEAK-10', 4],
        ['SHRIMP-2KG', 3],
        ['SALMON-500', 3],
      ]),
      await pack('black-family', '黑金家庭礼包', '全家一年的品质生活', [
        ['BEDDING-18', 2],
        ['DIAPER-L', 4],
        ['MILK-24', 6],
        ['RICE-10KG', 4],
      ]),
      await pack('m5000', '5000 元里程碑礼', '坚果与咖啡', [
        ['NUTS-60', 1],
        ['COFFEE-1KG', 1],
      ]),
      await pack('m10000', '1 万元里程碑礼', '车厘子与牛排', [
        ['CHERRY-2KG', 1],
        ['STEAK-10', 1],
      ]),
      await pack('m50000', '5 万元里程碑礼', '龙井礼盒与家纺', [
        ['TEA-LONGJING', 2],
        ['BEDDING-18', 2],
      ]),
      await pack('m100000', '10 万元里程碑礼', '年度臻享大礼', [
        ['TEA-LONGJING', 4],
        ['STEAK-10', 6],
        ['SHRIMP-2KG', 4],
      ]),
    ]);
  }

  private async seedTiers(
    tx: EntityManager,
    benefits: Record<string, Benefit>,
    packs: Record<string, GiftPack>,
  ): Promise<Record<string, Tier>> {
    const all = (types: BenefitType[]) => types.map((type) => benefits[type]);
    const common = [
      BenefitType.MEMBER_PRICE,
      BenefitType.WELCOME_GIFT,
      BenefitType.PRIORITY_ACCESS,
      BenefitType.SPEND_MILESTONE,
      BenefitType.FREE_SHIPPING,
    ];
    const claim = (keys: string[]) => giftValueClaim(keys.map((key) => packs[key].valueFen));
    const tiers = await tx.save(Tier, [
      tx.create(Tier, {
        code: 'ANNUAL',
        name: '年卡会员',
        description: `1000 元开卡，立得${claim(['fresh', 'kitchen', 'home'])}好礼，全年会员价`,
        priceFen: 100_000,
        termUnit: TermUnit.MONTH,
        termLength: 12,
        status: TierStatus.ACTIVE,
        sortOrder: 1,
        image: null,
        defaultDiscountBp: 1000,
        giftPackChoices: 1,
        trialDays: 7,
        benefits: all(common),
        giftPacks: [packs.fresh, packs.kitchen, packs.home],
        autoRenewPriceFen: 90_000,
      }),
      tx.create(Tier, {
        code: 'BLACK',
        name: '黑金会员',
        description: `2999 元尊享，${claim(['black-luxe', 'black-family'])}臻选礼包与专属管家`,
        priceFen: 299_900,
        termUnit: TermUnit.MONTH,
        termLength: 12,
        status: TierStatus.ACTIVE,
        sortOrder: 2,
        image: null,
        defaultDiscountBp: 1500,
        giftPackChoices: 1,
        benefits: all([...common, BenefitType.COUPON, BenefitType.SERVICE]),
        giftPacks: [packs['black-luxe'], packs['black-family']],
      }),
      tx.create(Tier, {
        code: 'QUARTER',
        name: '季卡会员（筹备中）',
        description: '三个月体验卡，尚未上架',
        priceFen: 29_900,
        termUnit: TermUnit.MONTH,
        termLength: 3,
        status: TierStatus.DRAFT,
        sortOrder: 3,
        image: null,
        defaultDiscountBp: 500,
        giftPackChoices: 0,
        benefits: all([BenefitType.MEMBER_PRICE]),
        giftPacks: [],
      }),
    ]);
    return Object.fromEntries(tiers.map((tier) => [tier.code, tier]));
  }

  private async seedMemberPrices(
    tx: EntityManager,
    skus: Map<string, Sku>,
    tiers: Record<string, Tier>,
  ): Promise<void> {
    const rows = DEMO_PRODUCTS.flatMap((product) =>
      product.skus.flatMap((sku) =>
        Object.entries(sku.memberPrices ?? {}).map(([tierCode, priceFen]) => ({
          skuId: skus.get(sku.code)!.id,
          tierId: tiers[tierCode].id,
          priceFen,
        })),
      ),
    );
    await tx.insert(SkuMemberPrice, rows);
  }

  private async seedMilestones(
    tx: EntityManager,
    packs: Record<string, GiftPack>,
    benefits: Record<string, Benefit>,
  ): Promise<void> {
    const milestones: [number, string, string][] = [
      [5_000, '累计消费 5000 元', 'm5000'],
      [10_000, '累计消费 1 万元', 'm10000'],
      [50_000, '累计消费 5 万元', 'm50000'],
      [100_000, '累计消费 10 万元', 'm100000'],
    ];
    for (const [yuan, title, pack] of milestones) {
      await tx.save(
        tx.create(Milestone, {
          thresholdFen: yuan * 100,
          title,
          description: `本会员期内累计消费满 ${yuan} 元，解锁「${packs[pack].name}」`,
          giftPackId: packs[pack].id,
          benefits: yuan >= 50_000 ? [benefits[BenefitType.SERVICE]] : [],
        }),
      );
    }
  }

  /** Returns the demo member's customer id. */
  private async seedCustomers(tx: EntityManager, tiers: Record<string, Tier>): Promise<number> {
    const now = this.clock.now();
    const customer = (name: string, nickname: string, phone: string | null) =>
      tx.save(tx.create(Customer, { openid: devOpenid(name), unionid: null, nickname, phone }));
    const member = async (name: string, nickname: string, phone: string | null, tier: Tier, startedDaysAgo: number) => {
      const created = await customer(name, nickname, phone);
      await this.terms.addPurchasedTerm(tx, {
        customerId: created.id,
        tierId: tier.id,
        terms: tierTerms(tier),
        orderId: null,
        feeFen: tier.priceFen,
        now: new Date(now.getTime() - startedDaysAgo * DAY),
      });
      return created;
    };
    const demo = await member('demo-member', '演示会员', '13800000001', tiers.ANNUAL, 340);
    await customer('demo-guest', '演示访客', null);
    await member('wang-xiaoming', '王小明', '13800000002', tiers.BLACK, 30);
    await member('li-hua', '李华', '13800000003', tiers.ANNUAL, 400);
    const revoked = await member('zhao-min', '赵敏', '13800000004', tiers.ANNUAL, 100);
    const membership = await tx.findOneByOrFail(Membership, { customerId: revoked.id });
    await this.terms.revoke(tx, membership, '演示：违规转售礼包', now);
    return demo.id;
  }

  /**
   * The demo member's paid orders, priced by checkout after the shop is committed: checkout reads benefits through
   * the storefront cache, which (on MariaDB) cannot see the seeding transaction's rows.
   */
  private async seedDemoOrders(demoId: number): Promise<void> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const demo = { id: demoId };
      const demoTerm = await tx.findOneOrFail(MembershipTerm, {
        where: { membership: { customerId: demo.id } },
        order: { id: 'DESC' },
      });
      await seedPaidOrders(
        tx,
        { machine: this.machine, pricing: this.pricing },
        demo.id,
        demoTerm,
        [
          {
            daysAgo: 300,
            items: [
              ['STEAK-10', 2],
              ['SALMON-500', 2],
            ],
          },
          {
            daysAgo: 120,
            items: [
              ['RICE-10KG', 2],
              ['OIL-5L', 1],
              ['EGG-30', 2],
            ],
          },
          {
            daysAgo: 20,
            items: [
              ['TEA-LONGJING', 3],
              ['COFFEE-1KG', 2],
            ],
          },
        ],
        now,
      );
    });
  }
}
