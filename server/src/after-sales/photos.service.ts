import { HttpStatus, Injectable } from '@nestjs/common';
import { In, IsNull, LessThan } from 'typeorm';
import { ErrorCode, isRefundableStatus, OrderKind, UploadedPhoto } from '@member-commerce/shared';
import { Clock } from '../common/clock';
import { badRequest, conflict, DomainError, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { MediaService } from '../media/media.service';
import { Order } from '../orders/order.entity';
import { AfterSalesPhoto } from './after-sales-photo.entity';
import { AfterSalesRequest } from './after-sales-request.entity';
import { photoUrl } from './after-sales-views';
import { MAX_PHOTO_BYTES, PhotoStore } from './photo-store';

/** A request takes at most 6 photos; twice that per order leaves room to retake a few, and no more. */
export const PHOTO_QUOTA_PER_ORDER = 12;
/** Photos no request took within this long are removed. */
const ORPHAN_PHOTO_TTL_MS = 24 * 3600 * 1000;
/** Photos are kept at this size at most (a phone photo's detail, not its megapixels). */
const PHOTO_LONGEST_SIDE = 2048;

/** After-sales photos: uploaded only against the customer's own order, within a quota, really decoded, orphans removed. */
@Injectable()
export class PhotosService {
  constructor(
    private readonly store: PhotoStore,
    private readonly media: MediaService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async upload(customerId: number, orderId: number, body: unknown): Promise<UploadedPhoto> {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the photo bytes as image/jpeg or image/png', 415);
    }
    if (body.length > MAX_PHOTO_BYTES)
      throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 'A photo may be at most 2 MB', 413);
    await this.assertOrderTakesPhotos(customerId, orderId);
    const jpeg = await this.reencoded(body);
    const name = await this.store.save(jpeg, 'jpg');
    try {
      await this.transactions.run(async (manager) => {
        // Locking the order makes concurrent uploads of one order count one after another.
        const order = await manager.findOne(Order, {
          where: { id: orderId, customerId },
          lock: this.transactions.lockMode,
        });
        if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${orderId} not found`);
        const count = await manager.countBy(AfterSalesPhoto, { orderId });
        if (count >= PHOTO_QUOTA_PER_ORDER) {
          throw new DomainError(
            ErrorCode.PHOTO_QUOTA_EXCEEDED,
            `An order takes at most ${PHOTO_QUOTA_PER_ORDER} photos`,
            HttpStatus.TOO_MANY_REQUESTS,
          );
        }
        await manager.insert(AfterSalesPhoto, {
          name,
          orderId,
          customerId,
          uploadedAt: this.clock.now(),
          keptAt: null,
        });
      });
    } catch (error) {
      await this.store.delete(name);
      throw error;
    }
    return { name, url: photoUrl(name) };
  }

  /** Photos named by a new request must be this customer's uploads for this order. */
  async assertAttachable(customerId: number, orderId: number, names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    const found = await this.transactions.run((manager) =>
      manager.findBy(AfterSalesPhoto, { name: In([...names]), customerId, orderId }),
    );
    const missing = names.find((name) => !found.some((photo) => photo.name === name));
    if (missing || !(await Promise.all(names.map((name) => this.store.exists(name)))).every(Boolean)) {
      throw badRequest(ErrorCode.PHOTO_NOT_FOUND, `Photo ${missing ?? names[0]} was not uploaded for this order`);
    }
  }

  async read(name: string): Promise<{ bytes: Buffer; mime: string }> {
    const photo = await this.store.read(name);
    if (!photo) throw notFound(ErrorCode.PHOTO_NOT_FOUND, 'No such photo');
    return photo;
  }

  /**
   * Photos older than a day that no request of their order took are deleted with their files; the ones a request
   * holds are marked kept. Returns how many were removed.
   */
  async removeOrphans(batch = 200): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - ORPHAN_PHOTO_TTL_MS);
    const due = await this.transactions.run((manager) =>
      manager.find(AfterSalesPhoto, {
        where: { keptAt: IsNull(), uploadedAt: LessThan(cutoff) },
        order: { id: 'ASC' },
        take: batch,
      }),
    );
    if (due.length === 0) return 0;
    const requests = await this.transactions.run((manager) =>
      manager.findBy(AfterSalesRequest, { orderId: In([...new Set(due.map((photo) => photo.orderId))]) }),
    );
    const taken = new Set(requests.flatMap((request) => request.photos));
    const kept = due.filter((photo) => taken.has(photo.name));
    const orphans = due.filter((photo) => !taken.has(photo.name));
    await this.transactions.run(async (manager) => {
      if (kept.length)
        await manager.update(AfterSalesPhoto, { id: In(kept.map((photo) => photo.id)) }, { keptAt: this.clock.now() });
    });
    for (const photo of orphans) {
      await this.store.delete(photo.name);
      await this.transactions.run((manager) => manager.delete(AfterSalesPhoto, { id: photo.id }));
    }
    return orphans.length;
  }

  private async assertOrderTakesPhotos(customerId: number, orderId: number): Promise<void> {
    const order = await this.transactions.run((manager) => manager.findOneBy(Order, { id: orderId, customerId }));
    if (!order) throw notFound(ErrorCode.ORDER_NOT_FOUND, `Order ${orderId} not found`);
    if (order.kind !== OrderKind.PRODUCT || !isRefundableStatus(order.status)) {
      throw conflict(
        ErrorCode.AFTER_SALES_NOT_ALLOWED,
        'Only a paid or shipped product order can have after-sales photos',
      );
    }
  }

  private async reencoded(bytes: Buffer): Promise<Buffer> {
    try {
      return await this.media.reencodePhoto(bytes, PHOTO_LONGEST_SIDE);
    } catch (error) {
      if (error instanceof DomainError && error.status === 413) throw error;
      throw new DomainError(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'Only JPEG or PNG photos that can be opened are accepted',
        415,
      );
    }
  }
}
