import type {
  MyServiceContactView,
  ClaimGiftPackRequest,
  ConsentCreditsView,
  MyGiftPacksView,
  MyMembershipView,
  OrderView,
} from '@member-commerce/shared';
import { api, call } from '../request';

export const getMyMembership = () => call<MyMembershipView>(api.GET('/api/me/membership'));
export const getMyGiftPacks = () => call<MyGiftPacksView>(api.GET('/api/me/gift-packs'));
export const claimGiftPack = (input: ClaimGiftPackRequest) =>
  call<OrderView>(api.POST('/api/me/gift-packs/claim', { body: input }));
export const recordConsents = (templateIds: string[]) =>
  call<ConsentCreditsView>(api.POST('/api/me/consents', { body: { templateIds } }));
/** The SERVICE benefit's contact when the current term holds it, else null. */
export const getServiceContact = () =>
  call<MyServiceContactView>(api.GET('/api/me/service-contact')).then((r) => r.contact);
export const getConsents = () => call<ConsentCreditsView>(api.GET('/api/me/consents'));
