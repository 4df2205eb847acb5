import { Jimp } from 'jimp';

/** Longest side of a thumbnail: sharp on a 2× phone screen in a two-column feed. */
export const THUMBNAIL_SIZE = 360;

/** A JPEG no larger than THUMBNAIL_SIZE on its longest side (pure JS: jimp, no native image library). */
export async function makeThumbnail(bytes: Buffer): Promise<Buffer> {
  const image = await Jimp.read(bytes);
  if (Math.max(image.width, image.height) > THUMBNAIL_SIZE) image.scaleToFit({ w: THUMBNAIL_SIZE, h: THUMBNAIL_SIZE });
  return image.getBuffer('image/jpeg', { quality: 80 });
}
