import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { AdminOrderView, fenToYuanString, formatShopDateTime } from '@member-commerce/shared';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AdminOrderQueryDto } from '../orders/dto/admin-order-query.dto';
import { AdminOrdersService } from './admin-orders.service';
import { safeCsvStringifier } from '../common/spreadsheet-cell';

const PAGE = 100;
const KIND: Record<AdminOrderView['kind'], string> = {
  MEMBERSHIP: '会员卡',
  PRODUCT: '商品',
  GIFT: '礼包',
  MEMBERSHIP_GIFT: '赠送会员卡',
};
const STATUS: Record<AdminOrderView['status'], string> = {
  PENDING_PAYMENT: '待支付',
  PAID: '已支付',
  SHIPPED: '已发货',
  COMPLETED: '已完成',
  CLOSED: '已关闭',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
};
const HEADER = [
  '订单号',
  '类型',
  '状态',
  '顾客',
  '下单时间',
  '支付时间',
  '商品',
  '原价(元)',
  '运费(元)',
  '优惠券(元)',
  '实付(元)',
  '已退款(元)',
  '收货人',
  '电话',
  '地址',
  '快递公司',
  '快递单号',
];

/** The filtered order list as CSV (UTF-8 with BOM, opens in Excel), read page by page so memory stays flat. */
@Injectable()
export class OrdersExportService {
  constructor(
    private readonly orders: AdminOrdersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  export(query: AdminOrderQueryDto): Readable {
    const csv = safeCsvStringifier(HEADER);
    Readable.from(this.rows(query))
      .on('error', (error) => csv.destroy(error))
      .pipe(csv);
    return csv;
  }

  private async *rows(query: AdminOrderQueryDto): AsyncGenerator<string[]> {
    const time = (iso?: string | null) => formatShopDateTime(iso, this.config.shopTimeZone);
    for (let page = 1; ; page++) {
      const { items, total } = await this.orders.search({ ...query, page, pageSize: PAGE });
      for (const order of items) {
        const address = order.address;
        yield [
          order.outTradeNo,
          KIND[order.kind],
          STATUS[order.status],
          order.customer.nickname,
          time(order.createdAt),
          time(order.paidAt),
          order.lines.map((line) => `${line.name}×${line.quantity}`).join('；'),
          fenToYuanString(order.listTotalFen),
          fenToYuanString(order.shippingFen),
          fenToYuanString(order.couponDiscountFen),
          fenToYuanString(order.totalFen),
          fenToYuanString(order.refundedFen),
          address?.name ?? '',
          address?.phone ?? '',
          address ? `${address.province}${address.city}${address.district}${address.detail}` : '',
          order.shipment?.carrierName ?? '',
          order.shipment?.trackingNo ?? '',
        ];
      }
      if (page * PAGE >= total) return;
    }
  }
}
