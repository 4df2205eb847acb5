import type { MyProfileView, UpdateMyProfileRequest } from '@member-commerce/shared';
import { api, call, rawBody } from '../request';

export const getMyProfile = () => call<MyProfileView>(api.GET('/api/me/profile'));
export const updateMyProfile = (input: UpdateMyProfileRequest) =>
  call<MyProfileView>(api.PATCH('/api/me/profile', { body: input }));
/** JPEG or PNG bytes of at most 2 MB; the server keeps a small JPEG. */
export const uploadMyAvatar = (bytes: ArrayBuffer, contentType: string) =>
  call<MyProfileView>(api.POST('/api/me/profile/avatar', rawBody(bytes, contentType)));
