import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import type { LegalDocumentView } from '@member-commerce/shared';
import { getLegalDocument } from '../../services/api/legal';
import { AGREE_BUTTON_ID, answerPrivacy, PRIVACY_ASK_EVENT } from '../../services/privacy';
import { AgreementSheet } from '../agreement-sheet';
import './index.css';

/**
 * Asks for privacy consent when WeChat says a privacy API needs it (services/privacy.ts). The texts are the user
 * agreement and privacy guide staff publish; "同意" is WeChat's agreePrivacyAuthorization button.
 */
export function PrivacyPopup() {
  const [open, setOpen] = useState(false);
  const [reading, setReading] = useState<LegalDocumentView>();
  useEffect(() => {
    const show = () => setOpen(true);
    Taro.eventCenter.on(PRIVACY_ASK_EVENT, show);
    return () => {
      Taro.eventCenter.off(PRIVACY_ASK_EVENT, show);
    };
  }, []);
  if (!open) return null;
  const read = async (kind: 'USER_AGREEMENT' | 'PRIVACY_GUIDE') => setReading(await getLegalDocument(kind));
  const answer = (agree: boolean) => {
    answerPrivacy(agree);
    setOpen(false);
  };
  return (
    <View className='privacy-popup' data-testid='privacy-popup'>
      <View className='privacy-popup__panel'>
        <Text className='privacy-popup__title'>用户隐私保护提示</Text>
        <Text className='privacy-popup__text'>
          为了给你选择收货地址、上传售后照片、记录会员手机号，我们需要处理你的个人信息。请阅读
          <Text className='privacy-popup__link' onClick={() => read('USER_AGREEMENT')}>
            《用户服务协议》
          </Text>
          和
          <Text className='privacy-popup__link' onClick={() => read('PRIVACY_GUIDE')}>
            《隐私保护指引》
          </Text>
          ，同意后继续。
        </Text>
        <View className='privacy-popup__actions'>
          <NativeButton className='privacy-popup__no' onClick={() => answer(false)}>
            拒绝
          </NativeButton>
          <NativeButton
            className='privacy-popup__yes'
            id={AGREE_BUTTON_ID}
            openType={'agreePrivacyAuthorization' as 'share'}
            onClick={() => answer(true)}
          >
            同意
          </NativeButton>
        </View>
      </View>
      {reading && <AgreementSheet document={reading} onClose={() => setReading(undefined)} />}
    </View>
  );
}
