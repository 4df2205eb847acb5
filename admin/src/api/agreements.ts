import type { LegalDocumentKind, LegalDocumentView } from '@member-commerce/shared';
import { api, call } from './client';

export const listLegalVersions = (kind: LegalDocumentKind) =>
  call<LegalDocumentView[]>(api.GET('/api/admin/legal/{kind}/versions', { params: { path: { kind } } }));

/** Publishes a new version; earlier ones stay, and each membership order keeps the version its buyer accepted. */
export const publishLegalDocument = (kind: LegalDocumentKind, text: { title: string; content: string }) =>
  call<LegalDocumentView>(api.POST('/api/admin/legal/{kind}/versions', { params: { path: { kind } }, body: text }));
