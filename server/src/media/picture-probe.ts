import { imageSize } from 'image-size';
import { ErrorCode } from '@member-commerce/shared';
import { DomainError } from '../common/domain-error';
import { gifFrameSizes } from './gif-frames';

/** What the bytes say they are: the declared type and file name are never trusted. */
const ACCEPTED = {
  jpg: { ext: 'jpg', contentType: 'image/jpeg' },
  png: { ext: 'png', contentType: 'image/png' },
  gif: { ext: 'gif', contentType: 'image/gif' },
} as const;

/** Larger pictures would take hundreds of MB to decode (a small PNG can claim a huge canvas). */
const MAX_PIXELS = 40_000_000;

export interface PictureFacts {
  ext: string;
  contentType: string;
  width: number;
  height: number;
}

/** Reads the picture's type and size from its header (magic bytes); anything else is a 415. */
export function probePicture(bytes: Buffer): PictureFacts {
  let probed: ReturnType<typeof imageSize> | undefined;
  try {
    probed = imageSize(bytes);
  } catch {
    probed = undefined;
  }
  const accepted = probed?.type ? ACCEPTED[probed.type as keyof typeof ACCEPTED] : undefined;
  if (!probed || !accepted) {
    throw new DomainError(ErrorCode.MEDIA_TYPE_NOT_ALLOWED, 'Only JPEG, PNG or GIF pictures can be uploaded', 415);
  }
  // A decoder allocates every GIF frame at its own declared size (and decodes them all): the logical screen
  // bounds nothing, so the frames together must fit the cap.
  const frames = accepted.ext === 'gif' ? gifFrameSizes(bytes) : [probed as { width: number; height: number }];
  if (!frames || frames.length === 0)
    throw new DomainError(ErrorCode.MEDIA_TYPE_NOT_ALLOWED, 'The picture could not be read', 415);
  if (
    frames.reduce((sum, frame) => sum + frame.width * frame.height, 0) > MAX_PIXELS ||
    probed.width * probed.height > MAX_PIXELS
  ) {
    throw new DomainError(
      ErrorCode.MEDIA_TOO_LARGE,
      `Pictures may have at most ${MAX_PIXELS / 1_000_000} megapixels`,
      413,
    );
  }
  return { ...accepted, width: probed.width, height: probed.height };
}
