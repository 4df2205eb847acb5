import type { StaffSummary } from '@member-commerce/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { changePassword as changePasswordRequest, login as loginRequest } from '../api/auth';
import { onUnauthorized } from '../api/client';
import { can, type Capability } from './permissions';
import { clearSession, getStoredStaff, getToken, saveSession } from './session';

interface AuthState {
  staff: StaffSummary | null;
  login(username: string, password: string): Promise<StaffSummary>;
  logout(): void;
  /** Changes the signed-in staff member's password and keeps them signed in with the fresh token. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  can(capability: Capability): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/** Holds the signed-in staff member; a 401 from any request signs out (and the router shows login). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [staff, setStaff] = useState<StaffSummary | null>(() => (getToken() ? getStoredStaff() : null));

  useEffect(() => onUnauthorized(() => setStaff(null)), []);

  const login = useCallback(async (username: string, password: string) => {
    const res = await loginRequest({ username, password });
    saveSession(res.token, res.staff);
    setStaff(res.staff);
    return res.staff;
  }, []);

  const logout = useCallback(() => {
    clearSession();
    setStaff(null);
  }, []);

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      const { token } = await changePasswordRequest({ currentPassword, newPassword });
      if (staff) {
        const changed = { ...staff, mustChangePassword: false };
        saveSession(token, changed);
        setStaff(changed);
      }
    },
    [staff],
  );

  const value = useMemo<AuthState>(
    () => ({ staff, login, logout, changePassword, can: (capability) => can(staff?.role, capability) }),
    [staff, login, logout, changePassword],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
