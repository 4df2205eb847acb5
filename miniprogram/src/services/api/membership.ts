import type {
  ServiceContactView,
  ClaimGiftPackRequest,
  ConsentCreditsView,
  MyGiftPacksView,
  MyMembershipView,
  OrderView,
} from '@member-commerce/shared';
import { http } from '../request';

export const getMyMembership = () => http.get<MyMembershipView>('/api/me/membership');
export const getMyGiftPacks = () => http.get<MyGiftPacksView>('/api/me/gift-packs');
export const claimGiftPack = (input: ClaimGiftPackRequest) => http.post<OrderView>('/api/me/gift-packs/claim', input);
export const recordConsents = (templateIds: string[]) =>
  http.post<ConsentCreditsView>('/api/me/consents', { templateIds });
/** The SERVICE benefit's contact when the current term holds it, else null. */
export const getServiceContact = () =>
  http.get<{ contact: ServiceContactView | null }>('/api/me/service-contact').then((r) => r.contact);
export const getConsents = () => http.get<ConsentCreditsView>('/api/me/consents');
