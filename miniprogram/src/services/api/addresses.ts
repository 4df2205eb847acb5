import type { AddressInput, AddressView } from '@member-commerce/shared';
import { api, call } from '../request';

export const listAddresses = () => call<AddressView[]>(api.GET('/api/me/addresses'));
export const createAddress = (input: AddressInput) => call<AddressView>(api.POST('/api/me/addresses', { body: input }));
export const updateAddress = (id: number, input: Partial<AddressInput>) =>
  call<AddressView>(api.PATCH('/api/me/addresses/{id}', { params: { path: { id } }, body: input }));
export const deleteAddress = (id: number) =>
  call<unknown>(api.DELETE('/api/me/addresses/{id}', { params: { path: { id } } }));
