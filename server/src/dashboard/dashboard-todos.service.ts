import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DashboardTodo,
  LOW_STOCK_THRESHOLD,
  OPEN_AFTER_SALES_STATUSES,
  OrderKind,
  OrderStatus,
} from '@member-commerce/shared';
import { WechatShippingService } from '../wechat-shipping/wechat-shipping.service';

/**
 * What a merchant opens the console for: the queues that wait for staff, each a count and the filtered page that
 * works it. Every role sees them (support works after-sales too).
 */
@Injectable()
export class DashboardTodosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly wechatShipping: WechatShippingService,
  ) {}

  async todos(): Promise<DashboardTodo[]> {
    const count = async (sql: string, params: unknown[] = []) =>
      Number(((await this.dataSource.query(sql, params)) as { n: number | string }[])[0]?.n ?? 0);
    const inList = (values: readonly string[]) => values.map(() => '?').join(', ');
    return [
      {
        key: 'TO_SHIP',
        label: '待发货',
        count: await count(`SELECT COUNT(*) AS n FROM customer_order WHERE kind IN (?, ?) AND status = ?`, [
          OrderKind.PRODUCT,
          OrderKind.GIFT,
          OrderStatus.PAID,
        ]),
        link: '/orders?fulfilment=TO_SHIP',
      },
      {
        key: 'AFTER_SALES_OPEN',
        label: '售后待处理',
        count: await count(
          `SELECT COUNT(*) AS n FROM after_sales_request WHERE status IN (${inList(OPEN_AFTER_SALES_STATUSES)})`,
          [...OPEN_AFTER_SALES_STATUSES],
        ),
        link: '/after-sales',
      },
      {
        key: 'REFUND_REQUESTS_PENDING',
        label: '退款待审批',
        count: await count(`SELECT COUNT(*) AS n FROM refund_request WHERE status = 'PENDING'`),
        link: '/refund-requests',
      },
      {
        key: 'SHIPPING_UPLOAD_FAILED',
        label: '上传发货信息失败',
        count: await this.wechatShipping.countFailedUploads(),
        link: '/orders?wechatShipping=FAILED',
      },
      {
        key: 'LOW_STOCK',
        label: '库存预警',
        count: await count(
          `SELECT COUNT(*) AS n FROM sku s JOIN product p ON p.id = s.productId WHERE p.onSale = 1 AND s.stock <= ?`,
          [LOW_STOCK_THRESHOLD],
        ),
        link: '/products?lowStock=1',
      },
    ];
  }
}
