import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { MyMembershipView } from '@member-commerce/shared';
import { Button } from '../../../components/nut';
import { Routes } from '../../../routes';
import { redeemCode, codesErrorText } from '../../../services/api/membership-codes';
import { isLoginRequired, toApiError } from '../../../services/api-error';
import { go, goLogin, replace } from '../../../services/navigation';
import { formatDate } from '../../../utils/format';
import './index.css';

/** Redeem a membership code, typed in or opened from a friend's share card (`?code=`). */
export default function RedeemPage() {
  const { params } = useRouter();
  const [code, setCode] = useState(params.code ? decodeURIComponent(params.code) : '');
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<MyMembershipView | null>(null);

  async function submit() {
    if (!code.trim() || submitting) return;
    setSubmitting(true);
    try {
      setDone((await redeemCode(code.trim())).membership);
    } catch (error) {
      if (isLoginRequired(error)) goLogin();
      else await Taro.showToast({ title: codesErrorText(toApiError(error)), icon: 'none', duration: 2500 });
    } finally {
      setSubmitting(false);
    }
  }

  if (done) {
    return (
      <View className='page redeem'>
        <View className='card redeem__done' data-testid='redeem-done'>
          <Text className='redeem__title'>兑换成功</Text>
          <Text className='redeem__line'>{done.tier?.name} 已生效</Text>
          <Text className='redeem__line'>有效期至 {formatDate(done.termEnd)}</Text>
          <Text className='muted'>开卡礼可在「我的礼包」领取</Text>
          <View className='redeem__actions'>
            <Button type='primary' onClick={() => go(Routes.giftPacks)}>
              领取开卡礼
            </Button>
            <Button fill='outline' type='primary' onClick={() => replace(Routes.membership)}>
              查看会员
            </Button>
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className='page redeem'>
      <View className='card'>
        <Text className='card__title'>输入兑换码</Text>
        <Input
          className='redeem__input'
          data-testid='redeem-input'
          value={code}
          maxlength={32}
          placeholder='XXXX-XXXX-XXXX-XXXX'
          onInput={(event) => setCode(event.detail.value)}
        />
        <Text className='muted'>
          兑换后会员期从现在开始；已是同一会员卡的会员，则接在当前有效期之后。每个兑换码只能使用一次。
        </Text>
      </View>
      <View className='redeem__submit'>
        <Button
          type='primary'
          block
          loading={submitting}
          disabled={!code.trim() || submitting}
          onClick={submit}
          data-testid='redeem-submit'
        >
          立即兑换
        </Button>
      </View>
    </View>
  );
}
