import { AdminAfterSalesView, AfterSalesView, CARRIERS } from '@member-commerce/shared';
import { Refund } from '../payments/refund.entity';
import { RefundRequest } from '../payments/refund-request.entity';
import { AfterSalesRequest } from './after-sales-request.entity';
import { afterSalesTimeline } from './after-sales-timeline';

export const photoUrl = (name: string) => `/api/after-sales/photos/${name}`;

/** Needs `order` loaded. */
export const toAfterSalesView = (
  row: AfterSalesRequest,
  refund?: Refund | null,
  request?: RefundRequest | null,
): AfterSalesView => ({
  id: row.id,
  orderId: row.orderId,
  outTradeNo: row.order?.outTradeNo ?? '',
  type: row.type,
  status: row.status,
  reason: row.reason,
  description: row.description,
  photos: row.photos.map((name) => ({ name, url: photoUrl(name) })),
  amountFen: row.amountFen,
  decisionNote: row.decisionNote,
  decidedBy: row.decidedBy,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  refund: refund ? { id: refund.id, amountFen: refund.amountFen, status: refund.status } : null,
  refundRequest: request ? { id: request.id, status: request.status } : null,
  returnAddress: row.returnAddress,
  returnShipment:
    row.returnCarrier && row.returnTrackingNo && row.returnShippedAt
      ? {
          carrier: row.returnCarrier,
          carrierName: CARRIERS[row.returnCarrier as keyof typeof CARRIERS] ?? row.returnCarrier,
          trackingNo: row.returnTrackingNo,
          shippedAt: row.returnShippedAt.toISOString(),
        }
      : null,
  receivedAt: row.receivedAt?.toISOString() ?? null,
  timeline: afterSalesTimeline({ ...row, refund }),
});

/** Needs `order` and `customer` loaded. */
export const toAdminAfterSalesView = (
  row: AfterSalesRequest,
  refund?: Refund | null,
  request?: RefundRequest | null,
): AdminAfterSalesView => ({
  ...toAfterSalesView(row, refund, request),
  customer: { id: row.customer.id, nickname: row.customer.nickname },
  orderTotalFen: row.order.totalFen,
  orderStatus: row.order.status,
});
export const PHOTO_UPLOAD_PATH = '/api/after-sales/photos';
