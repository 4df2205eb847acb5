import type { CustomerNoteView, CustomerProfileView, CustomerTagView } from '@member-commerce/shared';
import { api, call } from './client';

export const getCustomerProfile = (customerId: number) =>
  call<CustomerProfileView>(api.GET('/api/admin/customers/{customerId}', { params: { path: { customerId } } }));

export const listCustomerTags = () => call<CustomerTagView[]>(api.GET('/api/admin/customers/tags'));

export const addCustomerNote = (customerId: number, text: string) =>
  call<CustomerNoteView[]>(api.POST('/api/admin/customers/{customerId}/notes', { params: { path: { customerId } }, body: { text } }));

export const addCustomerTag = (customerId: number, name: string) =>
  call<CustomerTagView[]>(api.POST('/api/admin/customers/{customerId}/tags', { params: { path: { customerId } }, body: { name } }));

export const removeCustomerTag = (customerId: number, tagId: number) =>
  call<CustomerTagView[]>(api.DELETE('/api/admin/customers/{customerId}/tags/{tagId}', { params: { path: { customerId, tagId } } }));
