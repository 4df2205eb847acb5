import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { CARRIER_CODES, CARRIERS, CarrierCode, ErrorCode, errorTextFor } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { badRequest, DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { Order } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';

/** One row of a shipping file and what became of it. */
export interface BulkShipRow {
  line: number;
  outTradeNo: string;
  carrier: string;
  trackingNo: string;
  ok: boolean;
  error?: string;
}

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
 * Ships many orders from a CSV (订单号, 快递公司, 快递单号 — the courier by code or Chinese name): each row is
 * shipped on its own, like one click in the order view, so a bad row stops nothing else and says why.
 */
@Injectable()
export class BulkShipService {
  constructor(
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
  ) {}

  async ship(actor: StaffPrincipal, csv: string): Promise<{ shipped: number; failed: number; rows: BulkShipRow[] }> {
    const records = readRows(csv);
    const rows: BulkShipRow[] = [];
    for (const [index, record] of records.entries()) {
      const row: BulkShipRow = {
        line: index + 2,
        outTradeNo: record.outTradeNo,
        carrier: record.carrier,
        trackingNo: record.trackingNo,
        ok: false,
      };
      rows.push(row);
      const carrier = CARRIER_BY_NAME.get(record.carrier);
      if (!carrier) row.error = `未知快递公司：${record.carrier || '（空）'}`;
      else if (!/^[A-Za-z0-9-]{6,40}$/.test(record.trackingNo)) row.error = '快递单号须为 6–40 位字母、数字或 -';
      if (row.error) continue;
      const order = await this.transactions.run((manager) =>
        manager.findOneBy(Order, { outTradeNo: record.outTradeNo }),
      );
      if (!order) {
        row.error = '订单不存在';
        continue;
      }
      try {
        await this.orders.ship(actor, order.id, { carrier: carrier!, trackingNo: record.trackingNo });
        row.ok = true;
      } catch (error) {
        row.error = error instanceof DomainError ? errorTextFor(error.code) : '发货失败';
      }
    }
    const shipped = rows.filter((row) => row.ok).length;
    return { shipped, failed: rows.length - shipped, rows };
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
