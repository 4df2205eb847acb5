import type { SimulatedShippingUpload } from '@member-commerce/shared';

/** Every `upload_shipping_info` the simulator accepted: in the database in the app, in memory in the fake server. */
export interface ShippingSimulatorStore {
  /** Oldest first. */
  uploadsOf(outTradeNo: string): Promise<SimulatedShippingUpload[]>;
  append(upload: SimulatedShippingUpload): Promise<void>;
  /** Newest first. */
  list(limit: number): Promise<SimulatedShippingUpload[]>;
}

export class MemoryShippingSimulatorStore implements ShippingSimulatorStore {
  private readonly uploads: SimulatedShippingUpload[] = [];

  async uploadsOf(outTradeNo: string) {
    return this.uploads.filter((upload) => upload.outTradeNo === outTradeNo);
  }
  async append(upload: SimulatedShippingUpload) {
    this.uploads.push(upload);
  }
  async list(limit: number) {
    return [...this.uploads].reverse().slice(0, limit);
  }
}
