import { AVATAR_UPLOAD_PATH, type MyProfileView, type UpdateMyProfileRequest } from '@member-commerce/shared';
import { http } from '../request';

export const getMyProfile = () => http.get<MyProfileView>('/api/me/profile');
export const updateMyProfile = (input: UpdateMyProfileRequest) => http.patch<MyProfileView>('/api/me/profile', input);
/** JPEG or PNG bytes of at most 2 MB; the server keeps a small JPEG. */
export const uploadMyAvatar = (bytes: ArrayBuffer, contentType: string) =>
  http.upload<MyProfileView>(AVATAR_UPLOAD_PATH, bytes, contentType);
