import type { SimulatedShippingUpload } from '@member-commerce/shared';
import { DataSource } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { DevWechatShippingUpload } from './dev-wechat-shipping-upload.entity';
import type { ShippingSimulatorStore } from './shipping-simulator-store';

const toUpload = (row: DevWechatShippingUpload): SimulatedShippingUpload => ({
  outTradeNo: row.outTradeNo,
  transactionId: row.transactionId,
  logisticsType: row.logisticsType as 1 | 3,
  shippingList: row.shippingList,
  uploadedAt: row.uploadedAt.toISOString(),
});

/** The simulator's shipping uploads in the app's database, so every API process lists the same ones. */
export class DatabaseShippingSimulatorStore implements ShippingSimulatorStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async uploadsOf(outTradeNo: string): Promise<SimulatedShippingUpload[]> {
    return (
      await this.dataSource.manager.find(DevWechatShippingUpload, { where: { outTradeNo }, order: { id: 'ASC' } })
    ).map(toUpload);
  }

  async append(upload: SimulatedShippingUpload): Promise<void> {
    await this.transactions.run((manager) =>
      manager.insert(DevWechatShippingUpload, { ...upload, uploadedAt: new Date(upload.uploadedAt) }),
    );
  }

  async list(limit: number): Promise<SimulatedShippingUpload[]> {
    return (await this.dataSource.manager.find(DevWechatShippingUpload, { order: { id: 'DESC' }, take: limit })).map(
      toUpload,
    );
  }
}
