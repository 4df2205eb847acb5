import { Injectable } from '@nestjs/common';
import { ErrorCode, UploadedPhoto } from '@member-commerce/shared';
import { DomainError, notFound } from '../common/domain-error';
import { photoUrl } from './after-sales-views';
import { imageKindOf, MAX_PHOTO_BYTES, PhotoStore } from './photo-store';

/** Checks uploaded bytes (size, real image type) before the store keeps them. */
@Injectable()
export class PhotosService {
  constructor(private readonly store: PhotoStore) {}

  async upload(body: unknown): Promise<UploadedPhoto> {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the photo bytes as image/jpeg, image/png or image/webp', 415);
    }
    if (body.length > MAX_PHOTO_BYTES) throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 'A photo may be at most 2 MB', 413);
    const kind = imageKindOf(body);
    if (!kind) throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Only JPEG, PNG or WebP photos are accepted', 415);
    const name = await this.store.save(body, kind.ext);
    return { name, url: photoUrl(name) };
  }

  async read(name: string): Promise<{ bytes: Buffer; mime: string }> {
    const photo = await this.store.read(name);
    if (!photo) throw notFound(ErrorCode.PHOTO_NOT_FOUND, 'No such photo');
    return photo;
  }
}
