import { useState } from 'react';
import { StarF } from '../../../components/icons';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '../../../components/nut';
import { useAsync } from '../../../hooks/use-async';
import { Routes } from '../../../routes';
import { getClientConfig } from '../../../services/api/client-config';
import { toApiError } from '../../../services/api-error';
import { devLogin } from '../../../services/auth';
import { back } from '../../../services/navigation';
import { session } from '../../../services/session';
import './index.css';

const presets = [
  { name: 'demo-member', label: '演示会员' },
  { name: 'demo-guest', label: '演示游客' },
];

/**
 * H5 has no wx.login. In dev mode the server accepts `dev:<name>` as a login code and maps each name
 * to one customer, so a tester types a name here; it is remembered for silent re-login.
 */
export default function DevLoginPage() {
  const [name, setName] = useState(session.getDevName());
  const [busy, setBusy] = useState(false);
  const config = useAsync(getClientConfig, []);
  const live = config.data?.wechatMode === 'live';

  async function submit(value = name) {
    const trimmed = value.trim();
    if (!trimmed) {
      await Taro.showToast({ title: '请输入用户名', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      await devLogin(trimmed);
      await Taro.showToast({ title: '登录成功', icon: 'success' });
      setTimeout(() => back(Routes.home), 300);
    } catch (error) {
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='page dev-login'>
      <View className='dev-login__card'>
        <View className='dev-login__logo'>
          <StarF size={40} color='#ffd99a' />
        </View>
        <Text className='dev-login__title'>会员商城</Text>
        <Text className='dev-login__hint'>
          {live ? '当前为正式微信模式，请在微信小程序中使用' : '开发模式：输入任意名字模拟微信登录，同名即同一用户'}
        </Text>
        <View className='dev-login__field'>
          <Input
            className='dev-login__input'
            name='devName'
            placeholder='输入用户名，如 alice'
            value={name}
            onInput={(e) => setName(e.detail.value)}
            onConfirm={() => submit()}
          />
        </View>
        <Button
          type='primary'
          block
          loading={busy}
          disabled={busy || live}
          onClick={() => submit()}
          data-testid='dev-login-submit'
        >
          模拟微信登录
        </Button>
        <View className='dev-login__presets'>
          {presets.map((p) => (
            <View key={p.name} className='chip' onClick={() => !live && submit(p.name)}>
              {p.label}（{p.name}）
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}
