import type { AddressInput, AddressView } from '@member-commerce/shared';
import { http } from '../request';

export const listAddresses = () => http.get<AddressView[]>('/api/me/addresses');
export const createAddress = (input: AddressInput) => http.post<AddressView>('/api/me/addresses', input);
export const updateAddress = (id: number, input: Partial<AddressInput>) =>
  http.patch<AddressView>(`/api/me/addresses/${id}`, input);
export const deleteAddress = (id: number) => http.delete<unknown>(`/api/me/addresses/${id}`);
