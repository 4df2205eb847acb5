import type { LegalDocumentKind, LegalDocumentView, MyPhoneView, PhoneNumberView } from '@member-commerce/shared';
import { api, call } from '../request';

/** 《会员服务协议》 as staff last published it; its `version` goes with the membership order. */
export const getMembershipAgreement = () => call<LegalDocumentView>(api.GET('/api/membership-agreement'));
export const getLegalDocument = (kind: LegalDocumentKind) =>
  call<LegalDocumentView>(api.GET('/api/legal/{kind}', { params: { path: { kind } } }));
export const getMyPhone = () => call<MyPhoneView>(api.GET('/api/me/phone'));
/** The server exchanges the phone button's one-time code with WeChat; the client never sends a number. */
export const verifyPhone = (code: string) => call<PhoneNumberView>(api.POST('/api/me/phone', { body: { code } }));
