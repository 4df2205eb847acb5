import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import {
  BulkShipResult,
  BulkShipRowView,
  CARRIER_CODES,
  CARRIERS,
  CarrierCode,
  ErrorCode,
  errorTextFor,
  TRACKING_NO_PATTERN,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { badRequest, DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { shipBlocker } from '../orders/order-actions';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';

const COLUMNS = { outTradeNo: '订单号', carrier: '快递公司', trackingNo: '快递单号' } as const;
const MAX_ROWS = 2000;
const CARRIER_BY_NAME = new Map<string, CarrierCode>(
  CARRIER_CODES.flatMap(
    (code) =>
      [
        [code, code],
        [CARRIERS[code], code],
      ] as [string, CarrierCode][],
  ),
);

/**
 * Ships many orders from a CSV (订单号, 快递公司, 快递单号 — the courier by code or Chinese name): a preview checks
 * every row without writing; applying ships each row on its own, like one click in the order view, so a bad row
 * stops nothing else and says why. A row already shipped with the same courier and number is skipped (a file
 * applied twice ships nothing twice); a row that became invalid since the preview fails with its reason.
 */
@Injectable()
export class BulkShipService {
  constructor(
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
  ) {}

  preview(csv: string): Promise<BulkShipResult> {
    return this.each(csv, async () => undefined, true);
  }

  ship(actor: StaffPrincipal, csv: string): Promise<BulkShipResult> {
    return this.each(csv, async (order, shipment) => {
      await this.orders.ship(actor, order.id, shipment);
    });
  }

  private async each(
    csv: string,
    apply: (order: Order, shipment: { carrier: CarrierCode; trackingNo: string }) => Promise<void>,
    preview = false,
  ): Promise<BulkShipResult> {
    const rows: BulkShipRowView[] = [];
    for (const [index, record] of readRows(csv).entries()) {
      const row: BulkShipRowView = { line: index + 2, ...record, ok: false };
      rows.push(row);
      const carrier = CARRIER_BY_NAME.get(record.carrier);
      row.carrierName = carrier ? CARRIERS[carrier] : null;
      const order = await this.transactions.run((manager) =>
        manager.findOneBy(Order, { outTradeNo: record.outTradeNo }),
      );
      row.recipient = order?.address?.name ?? null;
      if (!carrier) row.error = `未知快递公司：${record.carrier || '（空）'}`;
      else if (!TRACKING_NO_PATTERN.test(record.trackingNo)) row.error = '快递单号须为 6–40 位字母、数字或 -';
      else if (!order) row.error = '订单不存在';
      if (row.error || !order || !carrier) continue;
      if (order.carrier === carrier && order.trackingNo === record.trackingNo) {
        Object.assign(row, { ok: true, skipped: true });
        continue;
      }
      const blocker = shipBlocker({ kind: order.kind, status: order.status, hasAddress: Boolean(order.address) });
      if (blocker) {
        row.error = blocker;
        continue;
      }
      try {
        await apply(order, { carrier, trackingNo: record.trackingNo });
        row.ok = true;
      } catch (error) {
        row.error = error instanceof DomainError ? errorTextFor(error.code) : '发货失败';
      }
    }
    const skipped = rows.filter((row) => row.skipped).length;
    const shipped = rows.filter((row) => row.ok).length - skipped;
    return { shipped, skipped, failed: rows.length - shipped - skipped, preview, rows };
  }
}

function readRows(csv: string): { outTradeNo: string; carrier: string; trackingNo: string }[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch {
    throw badRequest(ErrorCode.VALIDATION_FAILED, '文件不是有效的 CSV');
  }
  if (!records.length) throw badRequest(ErrorCode.VALIDATION_FAILED, '文件里没有要发货的订单');
  if (records.length > MAX_ROWS) throw badRequest(ErrorCode.VALIDATION_FAILED, `一次最多 ${MAX_ROWS} 行，请拆分文件`);
  const missing = Object.values(COLUMNS).filter((column) => !(column in records[0]));
  if (missing.length) throw badRequest(ErrorCode.VALIDATION_FAILED, `缺少列：${missing.join('、')}`, { missing });
  return records.map((record) => ({
    outTradeNo: record[COLUMNS.outTradeNo] ?? '',
    carrier: record[COLUMNS.carrier] ?? '',
    trackingNo: record[COLUMNS.trackingNo] ?? '',
  }));
}
