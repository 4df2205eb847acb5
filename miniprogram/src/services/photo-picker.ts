import Taro from '@tarojs/taro';
import type { UploadedPhoto } from '@member-commerce/shared';
import { uploadAfterSalesPhoto } from './api/after-sales';
import { apiBase } from './env';

const MAX_BYTES = 2 * 1024 * 1024;

/** The image type from the first bytes; the server checks again. */
export function imageType(bytes: ArrayBuffer): string {
  const b = new Uint8Array(bytes.slice(0, 12));
  if (b[0] === 0x89 && b[1] === 0x50) return 'image/png';
  if (b[0] === 0x52 && b[1] === 0x49 && b[8] === 0x57 && b[9] === 0x45) return 'image/webp';
  return 'image/jpeg';
}

/** A chosen file's bytes: the weapp file system, or the blob URL H5's chooseImage (an input file) gives. */
export async function readBytes(path: string): Promise<ArrayBuffer> {
  // not-the-api: reads the local blob: URL of the chosen file
  if (process.env.TARO_ENV === 'h5') return (await fetch(path)).arrayBuffer();
  return new Promise((resolve, reject) =>
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: reject,
    }),
  );
}

/**
 * Lets the customer pick up to `count` photos (camera or album, compressed) and uploads each for their order;
 * files over 2 MB are refused before they are sent.
 */
export async function pickAndUploadPhotos(orderId: number, count: number): Promise<UploadedPhoto[]> {
  const chosen = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  const uploaded: UploadedPhoto[] = [];
  for (const path of chosen.tempFilePaths) {
    const bytes = await readBytes(path);
    if (bytes.byteLength > MAX_BYTES) throw new Error('图片不能超过 2MB');
    uploaded.push(await uploadAfterSalesPhoto(orderId, bytes, imageType(bytes)));
  }
  return uploaded;
}

/** Photo URLs from the server are paths under the API. */
export const photoSrc = (url: string) => `${apiBase}${url}`;
