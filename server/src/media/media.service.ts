import { createHash } from 'node:crypto';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ErrorCode, UploadedMediaView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { FILE_STORAGE, FileStorage } from './file-storage';
import { ImageWorker } from './image-worker';
import { isAllowedExternalImage, storedKeyOf } from './image-urls';
import { probePicture } from './picture-probe';
import { makeThumbnail } from './thumbnail';

/** Stores pictures under their content hash with a thumbnail beside them (`<hash>.thumb.jpg`, see shared `thumbnailUrl`). */
@Injectable()
export class MediaService implements OnApplicationShutdown {
  private readonly images = new ImageWorker();

  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** A staff upload: checked by its bytes, stored with a thumbnail, audited. */
  async upload(actor: StaffPrincipal, bytes: Buffer): Promise<UploadedMediaView> {
    if (bytes.length > this.config.media.maxUploadBytes) throw this.tooLarge();
    if (bytes.length === 0) throw new DomainError(ErrorCode.MEDIA_FILE_MISSING, 'The uploaded file is empty', 400);
    const view = await this.store(bytes);
    await this.transactions.run((manager) =>
      this.audit.record(manager, actor, { action: 'media.upload', entity: 'media', entityId: view.url, after: view }),
    );
    return view;
  }

  /**
   * Stores a picture and its thumbnail. The same bytes always get the same names, so storing again is harmless;
   * a ready-made thumbnail (the demo seed ships them) skips the resize.
   */
  async store(bytes: Buffer, readyThumbnail?: Buffer): Promise<UploadedMediaView> {
    const picture = probePicture(bytes);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const key = `${hash}.${picture.ext}`;
    const thumbKey = `${hash}.thumb.jpg`;
    let thumbnail = readyThumbnail;
    if (!thumbnail) {
      try {
        thumbnail = await makeThumbnail(this.images, bytes);
      } catch {
        throw new DomainError(ErrorCode.MEDIA_TYPE_NOT_ALLOWED, 'The picture could not be read', 415);
      }
    }
    await this.storage.put(key, bytes, picture.contentType);
    await this.storage.put(thumbKey, thumbnail, 'image/jpeg');
    return {
      url: this.storage.url(key),
      thumbUrl: this.storage.url(thumbKey),
      width: picture.width,
      height: picture.height,
      bytes: bytes.length,
      contentType: picture.contentType,
    };
  }

  /**
   * A customer's photo as the shop keeps it: checked by its header (type, pixel cap), then decoded in full off
   * the request thread and re-encoded as a JPEG, so a file that merely starts like an image is refused and
   * nothing else the upload carried (a script, metadata with a location) is ever served.
   */
  async reencodePhoto(bytes: Buffer, longestSide: number): Promise<Buffer> {
    const picture = probePicture(bytes);
    if (picture.ext === 'gif')
      throw new DomainError(ErrorCode.MEDIA_TYPE_NOT_ALLOWED, 'Only JPEG or PNG photos are accepted', 415);
    try {
      return await this.images.reencode(bytes, longestSide, 85);
    } catch {
      throw new DomainError(ErrorCode.MEDIA_TYPE_NOT_ALLOWED, 'The picture could not be read', 415);
    }
  }

  /**
   * Banner and product pictures are pictures this shop stored (uploaded through the media route) or https
   * pictures on the allow-list: never a script URL, a data URL, or a file someone else controls.
   */
  async assertUsableImages(urls: readonly string[]): Promise<void> {
    for (const url of urls) {
      const key = storedKeyOf(url, (name) => this.storage.url(name));
      const usable = key
        ? (await this.storage.get(key)) !== null
        : isAllowedExternalImage(url, this.config.media.allowedImageHosts);
      if (!usable) {
        throw new DomainError(
          ErrorCode.MEDIA_URL_NOT_ALLOWED,
          `Image "${url.slice(0, 120)}" is neither an uploaded picture nor an https picture on the allow-list`,
          400,
        );
      }
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.images.destroy();
  }

  tooLarge(): DomainError {
    return new DomainError(
      ErrorCode.MEDIA_TOO_LARGE,
      `Pictures may be at most ${Math.floor(this.config.media.maxUploadBytes / 1024)} KB`,
      413,
    );
  }
}
