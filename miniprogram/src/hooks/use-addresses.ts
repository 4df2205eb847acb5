import Taro from '@tarojs/taro';
import type { AddressInput, AddressView } from '@member-commerce/shared';
import { createAddress, deleteAddress, listAddresses, updateAddress } from '../services/api/addresses';
import { toApiError } from '../services/api-error';
import { useAsync } from './use-async';

export function useAddresses() {
  const state = useAsync(listAddresses, [], { onShow: true, pullDown: true });

  async function remove(address: AddressView) {
    const { confirm } = await Taro.showModal({ title: '删除地址', content: `确定删除 ${address.name} 的地址？` });
    if (!confirm) return;
    try {
      await deleteAddress(address.id);
    } catch (error) {
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    }
    await state.reload();
  }

  async function makeDefault(address: AddressView) {
    try {
      await updateAddress(address.id, { isDefault: true });
    } catch (error) {
      await Taro.showToast({ title: toApiError(error).message, icon: 'none' });
    }
    await state.reload();
  }

  return { ...state, remove, makeDefault };
}

const required: (keyof AddressInput)[] = ['name', 'phone', 'province', 'city', 'district', 'detail'];

/** Client-side checks only say what is missing; the server validates for real. */
export function validateAddress(input: AddressInput): string | null {
  if (required.some((key) => !String(input[key] ?? '').trim())) return '请填写完整的收货信息';
  if (!/^1\d{10}$/.test(input.phone.trim())) return '请输入 11 位手机号';
  return null;
}

export async function saveAddress(id: number | undefined, input: AddressInput): Promise<AddressView> {
  return id ? updateAddress(id, input) : createAddress(input);
}
