import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './auth-context';
import type { Capability } from './permissions';
import { Forbidden } from '../components/forbidden';

/** Sends anonymous visitors to login (remembering where they were) and hides pages a role may not use. */
export function RequireAuth({ capability, children }: { capability?: Capability; children: ReactNode }) {
  const { staff, can } = useAuth();
  const location = useLocation();
  if (!staff) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (capability && !can(capability)) return <Forbidden />;
  return <>{children}</>;
}
