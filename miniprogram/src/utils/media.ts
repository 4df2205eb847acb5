import { thumbnailUrl } from '@member-commerce/shared';
import { apiBase } from '../services/env';

/** Pictures stored on our server come as site paths (`/media/…`); the mini-program needs them absolute. */
export function mediaUrl(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  return url.startsWith('/') && !url.startsWith('//') ? `${apiBase}${url}` : url;
}

/** The small version of a stored picture, for cards and lists. */
export const mediaThumbUrl = (url: string | undefined | null) => (url ? mediaUrl(thumbnailUrl(url)) : undefined);
