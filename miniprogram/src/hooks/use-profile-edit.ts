import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { MAX_AVATAR_BYTES } from '@member-commerce/shared';
import { getMyProfile, updateMyProfile, uploadMyAvatar } from '../services/api/profile';
import { toApiError } from '../services/api-error';
import { imageType, readBytes } from '../services/photo-picker';
import { useAsync } from './use-async';

/** The customer's nickname and avatar: the avatar is uploaded as soon as it is chosen, the name on save. */
export function useProfileEdit() {
  const state = useAsync(getMyProfile, []);
  const [nickname, setNickname] = useState('');
  const [busy, setBusy] = useState<'avatar' | 'name'>();

  useEffect(() => {
    if (state.data) setNickname(state.data.nickname);
  }, [state.data]);

  const toast = (title: string) => Taro.showToast({ title, icon: 'none', duration: 2500 });

  /** `path`: the temp file of weapp's chooseAvatar, or of chooseImage (H5's file picker). */
  async function setAvatar(path: string) {
    setBusy('avatar');
    try {
      const bytes = await readBytes(path);
      if (bytes.byteLength > MAX_AVATAR_BYTES) throw new Error('头像图片不能超过 2MB');
      state.setData(await uploadMyAvatar(bytes, imageType(bytes)));
    } catch (error) {
      await toast(toApiError(error).message);
    } finally {
      setBusy(undefined);
    }
  }

  async function pickAvatarFile() {
    try {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      if (chosen.tempFilePaths[0]) await setAvatar(chosen.tempFilePaths[0]);
    } catch {
      // cancelled
    }
  }

  async function saveName() {
    if (!nickname.trim()) {
      await toast('请填写昵称');
      return;
    }
    setBusy('name');
    try {
      state.setData(await updateMyProfile({ nickname: nickname.trim() }));
      await Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (error) {
      await toast(toApiError(error).message);
    } finally {
      setBusy(undefined);
    }
  }

  return { ...state, nickname, setNickname, busy, setAvatar, pickAvatarFile, saveName };
}
