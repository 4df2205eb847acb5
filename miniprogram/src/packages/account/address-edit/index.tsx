import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { AddressInput } from '@member-commerce/shared';
import { Button, Switch } from '../../../components/nut';
import { PageState } from '../../../components/page-state';
import { useAsync } from '../../../hooks/use-async';
import { saveAddress, validateAddress } from '../../../hooks/use-addresses';
import { listAddresses } from '../../../services/api/addresses';
import { toApiError } from '../../../services/api-error';
import { chooseAddress } from '../../../services/address-choice';
import { back } from '../../../services/navigation';
import {
  canImportWechatAddress,
  importWechatAddress,
  WECHAT_ADDRESS_UNAVAILABLE,
} from '../../../services/wechat-address';
import { PrivacyPopup } from '../../../components/privacy-popup';
import { RegionPicker } from './region-picker';
import './index.css';

const empty: AddressInput = { name: '', phone: '', province: '', city: '', district: '', detail: '', isDefault: false };

const fields: { key: keyof Omit<AddressInput, 'isDefault'>; label: string; placeholder: string; type?: 'number' }[] = [
  { key: 'name', label: '收货人', placeholder: '姓名' },
  { key: 'phone', label: '手机号', placeholder: '11 位手机号', type: 'number' },
];
const detailField = { key: 'detail', label: '详细地址', placeholder: '街道、楼牌号等' } as const;

export default function AddressEditPage() {
  const { params } = useRouter();
  const id = params.id ? Number(params.id) : undefined;
  const existing = useAsync(async () => (id ? (await listAddresses()).find((a) => a.id === id) : undefined), [id]);
  const [form, setForm] = useState<AddressInput>(empty);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (id) Taro.setNavigationBarTitle({ title: '编辑地址' }).catch(() => undefined);
    else Taro.setNavigationBarTitle({ title: '新增地址' }).catch(() => undefined);
  }, [id]);

  useEffect(() => {
    const a = existing.data;
    if (a)
      setForm({
        name: a.name,
        phone: a.phone,
        province: a.province,
        city: a.city,
        district: a.district,
        detail: a.detail,
        isDefault: a.isDefault,
      });
  }, [existing.data]);

  async function fromWechat() {
    try {
      const picked = await importWechatAddress();
      if (picked) setForm((prev) => ({ ...picked, isDefault: prev.isDefault }));
    } catch (error) {
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    }
  }

  async function submit() {
    const problem = validateAddress(form);
    if (problem) {
      await Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    setSaving(true);
    try {
      const saved = await saveAddress(id, { ...form, phone: form.phone.trim() });
      if (params.select) chooseAddress(saved.id);
      await Taro.showToast({ title: '已保存', icon: 'success' });
      setTimeout(() => back(), 400);
    } catch (error) {
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    } finally {
      setSaving(false);
    }
  }

  return (
    <View className='page address-edit'>
      <PageState
        loading={Boolean(id) && existing.loading}
        error={existing.error}
        hasData={!id || Boolean(existing.data)}
        onRetry={existing.reload}
      >
        {canImportWechatAddress ? (
          <View className='card address-edit__wechat' onClick={fromWechat} data-testid='wechat-address-import'>
            <Text className='address-edit__wechat-title'>一键导入微信收货地址</Text>
            <Text className='muted'>›</Text>
          </View>
        ) : (
          <View
            className='card address-edit__wechat address-edit__wechat--off'
            data-testid='wechat-address-unavailable'
          >
            <Text className='muted'>{WECHAT_ADDRESS_UNAVAILABLE}</Text>
          </View>
        )}
        <View className='card'>
          {fields.map((f) => (
            <Field
              key={f.key}
              field={f}
              value={form[f.key]}
              onInput={(v) => setForm((prev) => ({ ...prev, [f.key]: v }))}
            />
          ))}
          <RegionPicker value={form} onChange={(region) => setForm((prev) => ({ ...prev, ...region }))} />
          <Field field={detailField} value={form.detail} onInput={(v) => setForm((prev) => ({ ...prev, detail: v }))} />
          <View className='field address-edit__default'>
            <Text className='field__label'>设为默认</Text>
            <View className='address-edit__switch'>
              <Switch
                checked={Boolean(form.isDefault)}
                onChange={(v: boolean) => setForm((prev) => ({ ...prev, isDefault: v }))}
              />
            </View>
          </View>
        </View>
        <View className='address-edit__submit'>
          <Button type='primary' block loading={saving} onClick={submit} data-testid='address-save'>
            保存地址
          </Button>
        </View>
      </PageState>
      <PrivacyPopup />
    </View>
  );
}

type FieldSpec = { key: string; label: string; placeholder: string; type?: 'number' };

function Field({ field, value, onInput }: { field: FieldSpec; value: string; onInput: (value: string) => void }) {
  return (
    <View className='field'>
      <Text className='field__label'>{field.label}</Text>
      <Input
        className='field__input'
        name={field.key}
        type={field.type === 'number' ? 'number' : 'text'}
        placeholder={field.placeholder}
        value={value}
        onInput={(e) => onInput(e.detail.value)}
      />
    </View>
  );
}
