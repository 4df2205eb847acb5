import type { StaffSummary } from '@member-commerce/shared';

const TOKEN_KEY = 'mc.admin.token';
const STAFF_KEY = 'mc.admin.staff';

/** The staff session lives in localStorage so a reload keeps the login. */
export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function getStoredStaff(): StaffSummary | null {
  const raw = localStorage.getItem(STAFF_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as StaffSummary;
  } catch {
    return null;
  }
}

export function saveSession(token: string, staff: StaffSummary): void {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(STAFF_KEY, JSON.stringify(staff));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(STAFF_KEY);
}
