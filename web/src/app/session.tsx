import type { SessionResponse } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, setCsrfToken } from '../lib/api';

const SessionContext = createContext<SessionResponse | null>(null);

/** Loads the session once; null when signed out. */
export function useSessionQuery() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        return await api<SessionResponse>('/auth/session');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

export function SessionProvider({ session, children }: { session: SessionResponse; children: ReactNode }) {
  const { i18n } = useTranslation();
  useEffect(() => {
    setCsrfToken(session.csrfToken);
  }, [session.csrfToken]);
  setCsrfToken(session.csrfToken);
  useEffect(() => {
    const stored = localStorage.getItem('dz-lang');
    if (!stored && session.user.locale !== i18n.language) void i18n.changeLanguage(session.user.locale);
  }, [session.user.locale, i18n]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in session (only inside the authenticated shell). */
export function useSession(): SessionResponse {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Refetches everything after a change of session (login, switch, logout). */
export function useResetSession() {
  const qc = useQueryClient();
  return async () => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    await qc.invalidateQueries({ queryKey: ['session'] });
  };
}
