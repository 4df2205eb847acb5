import { ImageWorker } from './image-worker';

/** Longest side of a thumbnail: sharp on a 2× phone screen in a two-column feed. */
const THUMBNAIL_SIZE = 360;

/** A JPEG no larger than THUMBNAIL_SIZE on its longest side (pure JS: jimp in a worker thread, no native library). */
export function makeThumbnail(images: ImageWorker, bytes: Buffer): Promise<Buffer> {
  return images.reencode(bytes, THUMBNAIL_SIZE, 80);
}
