/** `POST /api/admin/media`: a stored picture and its thumbnail. URLs are absolute, or site-relative (`/media/…`) for local storage. */
export interface UploadedMediaView {
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  bytes: number;
  contentType: string;
}

/** Pictures the shop accepts (checked by their magic bytes, not by the name or declared type). */
export const MEDIA_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/gif'] as const;
export type MediaContentType = (typeof MEDIA_CONTENT_TYPES)[number];

/** Stored pictures are named by content hash; the thumbnail sits beside the original as `<hash>.thumb.jpg`. */
const STORED_PICTURE = /^(.*\/)?([0-9a-f]{32})\.(jpg|png|gif)$/;

/** The thumbnail of a picture this shop stored; any other URL (pasted from elsewhere) is its own thumbnail. */
export function thumbnailUrl(url: string): string {
  const match = STORED_PICTURE.exec(url);
  return match ? `${match[1] ?? ''}${match[2]}.thumb.jpg` : url;
}
