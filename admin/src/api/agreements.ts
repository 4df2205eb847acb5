import type { LegalDocumentKind, LegalDocumentView } from '@member-commerce/shared';
import { http } from './client';

export const listLegalVersions = (kind: LegalDocumentKind) => http.get<LegalDocumentView[]>(`/api/admin/legal/${kind}/versions`);

/** Publishes a new version; earlier ones stay, and each membership order keeps the version its buyer accepted. */
export const publishLegalDocument = (kind: LegalDocumentKind, text: { title: string; content: string }) =>
  http.post<LegalDocumentView>(`/api/admin/legal/${kind}/versions`, text);
