import Taro from '@tarojs/taro';
import { Button as NativeButton, Text, View } from '@tarojs/components';
import { Service } from '../icons';
import { useAsync } from '../../hooks/use-async';
import { getServiceContact } from '../../services/api/membership';
import { isWeapp } from '../../services/env';
import './index.css';

/**
 * 专属客服 for members whose term holds it: in the mini-program WeChat's own customer-service chat
 * (open-type="contact"); in H5 the phone (tap to call) and the WeChat id (tap to copy) from the benefit.
 */
export function ServiceContact() {
  const { data: contact } = useAsync(() => getServiceContact().catch(() => null), [], { onShow: true });
  if (!contact) return null;
  return (
    <View className='card service-contact' data-testid='service-contact'>
      <View className='service-contact__head'>
        <Service color='#b8893e' />
        <Text className='service-contact__title'>{contact.title}</Text>
      </View>
      <Text className='muted'>{contact.description}</Text>
      {isWeapp ? (
        <NativeButton className='service-contact__button' openType='contact'>
          联系专属客服
        </NativeButton>
      ) : (
        <View className='service-contact__ways'>
          {contact.phone && (
            <Text className='service-contact__way' onClick={() => Taro.makePhoneCall({ phoneNumber: contact.phone! })}>
              电话 {contact.phone}
            </Text>
          )}
          {contact.wechatId && (
            <Text className='service-contact__way' onClick={() => Taro.setClipboardData({ data: contact.wechatId! })}>
              微信 {contact.wechatId}（点击复制）
            </Text>
          )}
        </View>
      )}
    </View>
  );
}
