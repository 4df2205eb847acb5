import { Button as NativeButton, Image, Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { PrivacyPopup } from '../../../components/privacy-popup';
import { useProfileEdit } from '../../../hooks/use-profile-edit';
import { isWeapp } from '../../../services/env';
import { mediaUrl } from '../../../utils/media';
import './index.css';

/**
 * 头像昵称填写: on weapp WeChat's own avatar chooser (`open-type="chooseAvatar"`) and nickname keyboard
 * (`type="nickname"`); on H5 a file picker and a text field.
 */
export default function ProfileEditPage() {
  const p = useProfileEdit();
  const avatar = mediaUrl(p.data?.avatarUrl);
  const face = avatar ? (
    <Image className='profile-edit__avatar' src={avatar} mode='aspectFill' data-testid='profile-avatar' />
  ) : (
    <View className='profile-edit__avatar profile-edit__avatar--empty'>{(p.nickname || '客').slice(0, 1)}</View>
  );

  return (
    <View className='page profile-edit'>
      <PageState loading={p.loading} error={p.error} hasData={Boolean(p.data)} onRetry={p.reload}>
        <View className='card'>
          <View className='field profile-edit__row'>
            <Text className='field__label'>头像</Text>
            {isWeapp ? (
              <NativeButton
                className='profile-edit__avatar-button'
                openType='chooseAvatar'
                onChooseAvatar={(e) => void p.setAvatar(e.detail.avatarUrl)}
              >
                {face}
              </NativeButton>
            ) : (
              <View className='profile-edit__avatar-button' onClick={p.pickAvatarFile} data-testid='avatar-pick'>
                {face}
              </View>
            )}
            <Text className='muted'>{p.busy === 'avatar' ? '上传中…' : '更换 ›'}</Text>
          </View>
          <View className='field'>
            <Text className='field__label'>昵称</Text>
            <Input
              className='field__input'
              type={isWeapp ? 'nickname' : 'text'}
              maxlength={32}
              placeholder='请输入昵称'
              value={p.nickname}
              onInput={(e) => p.setNickname(e.detail.value)}
              // WeChat's nickname keyboard fills the field without an input event on some versions.
              onBlur={(e) => p.setNickname(e.detail.value)}
              data-testid='nickname-input'
            />
          </View>
        </View>
        {!isWeapp && <Text className='profile-edit__note'>网页版从相册选择图片作为头像（JPG / PNG，不超过 2MB）</Text>}
        <View className='profile-edit__submit'>
          <Button type='primary' block loading={p.busy === 'name'} onClick={p.saveName} data-testid='profile-save'>
            保存
          </Button>
        </View>
      </PageState>
      <PrivacyPopup />
    </View>
  );
}
