import type { UploadedMediaView } from '@member-commerce/shared';
import { api, call } from './client';

export function uploadMedia(file: Blob, fileName = 'picture'): Promise<UploadedMediaView> {
  const form = new FormData();
  form.append('file', file, fileName);
  return call<UploadedMediaView>(api.POST('/api/admin/media', { body: { file }, bodySerializer: () => form }));
}

/** Stored pictures are site paths (`/media/…`) when the server keeps them on its own disk. */
export const mediaSrc = (url: string): string =>
  url.startsWith('/') && !url.startsWith('//') ? `${import.meta.env.VITE_API_BASE ?? ''}${url}` : url;
