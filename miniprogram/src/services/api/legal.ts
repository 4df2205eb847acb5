import type { LegalDocumentKind, LegalDocumentView, PhoneNumberView } from '@member-commerce/shared';
import { http } from '../request';

/** 《会员服务协议》 as staff last published it; its `version` goes with the membership order. */
export const getMembershipAgreement = () => http.get<LegalDocumentView>('/api/membership-agreement');
export const getLegalDocument = (kind: LegalDocumentKind) => http.get<LegalDocumentView>(`/api/legal/${kind}`);
export const getMyPhone = () => http.get<{ phone: string | null }>('/api/me/phone');
/** The server exchanges the phone button's one-time code with WeChat; the client never sends a number. */
export const verifyPhone = (code: string) => http.post<PhoneNumberView>('/api/me/phone', { code });
