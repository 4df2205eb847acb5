import { StaffRole } from '@member-commerce/shared';

export interface CustomerPrincipal {
  kind: 'customer';
  customerId: number;
}

export interface StaffPrincipal {
  kind: 'staff';
  staffId: number;
  username: string;
  role: StaffRole;
}

export interface TokenPayload {
  sub: number;
  typ: 'customer' | 'staff';
}

/** What guards attach to the request. */
export interface AuthenticatedRequest {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  customer?: CustomerPrincipal;
  staff?: StaffPrincipal;
}

export function bearerToken(request: AuthenticatedRequest): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(.+)$/i);
  return match?.[1];
}
