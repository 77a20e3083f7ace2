import type { SessionResponse } from '@dz/core';
import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/Page';
import { setLanguage } from '../i18n';
import { ApiError, api, apiResponse, setCsrfToken } from '../lib/api';

const SessionContext = createContext<SessionResponse | null>(null);

/** The session's query key: features invalidate it after changes the session reflects (name, memberships). */
export const sessionKey = ['session'] as const;

async function readSession(started?: Promise<Response>) {
  try {
    return await (started ? apiResponse<SessionResponse>(started) : api<SessionResponse>('/auth/session'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** The session; null when signed out. */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: () => readSession(),
  staleTime: 60_000,
});

declare global {
  interface Window {
    /** The session request of the boot script (web/scripts/boot.mjs), started while the app still loads. */
    __dzSession?: Promise<Response>;
    /** Set when the app starts: a boot script running later must not ask again. */
    __dzBooted?: boolean;
  }
}

/**
 * Puts the boot script's session request into the cache as the session's first load. It is taken exactly once,
 * at start: every later load (after login, logout, a switch) asks the server anew, so a signed-out answer from
 * before a login can never be reused.
 */
export function adoptBootSession(qc: QueryClient) {
  const started = window.__dzSession;
  window.__dzSession = undefined;
  window.__dzBooted = true;
  if (started) void qc.prefetchQuery({ ...sessionQuery, queryFn: () => readSession(started) });
}

/** Loads the session once; null when signed out. */
export function useSessionQuery() {
  return useQuery(sessionQuery);
}

export function SessionProvider({ session, children }: { session: SessionResponse; children: ReactNode }) {
  const { i18n } = useTranslation();
  useEffect(() => {
    setCsrfToken(session.csrfToken);
  }, [session.csrfToken]);
  setCsrfToken(session.csrfToken);
  useEffect(() => {
    const stored = localStorage.getItem('dz-lang');
    if (!stored && session.user.locale !== i18n.language) void setLanguage(session.user.locale === 'en' ? 'en' : 'de');
  }, [session.user.locale, i18n]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in session (only inside the authenticated shell). */
export function useSession(): SessionResponse {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/**
 * Refetches everything after a change of session (login, switch, logout). The session is refetched even when
 * no mounted component uses it (on the login page): otherwise the signed-out `null` cached when the user first
 * opened a protected page would send them straight back to the login form.
 */
export function useResetSession() {
  const qc = useQueryClient();
  return async () => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    await qc.invalidateQueries({ queryKey: sessionKey, refetchType: 'all' });
  };
}

/** Where a link-triggered switch of municipality went (shown once by the shell). */
export interface SwitchedState {
  switchedTo?: string;
}

/**
 * A link may name its municipality (`?kommune=<id>`, e.g. in survey invitations): for a person with several
 * municipalities the app switches to it first (the shell says so) and then shows the linked page — the same
 * after signing in, because the login keeps the whole link. Unknown or foreign ids are dropped silently.
 */
export function LinkedMunicipality({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const reset = useResetSession();
  const wanted = new URLSearchParams(location.search).get('kommune');
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per linked municipality
  useEffect(() => {
    if (!wanted) return;
    const params = new URLSearchParams(location.search);
    params.delete('kommune');
    const target = location.pathname + (params.size ? `?${params}` : '');
    const m = session.municipalities.find((x) => x.id === wanted);
    if (!m || m.id === session.activeMunicipalityId) {
      navigate(target, { replace: true });
      return;
    }
    let cancelled = false;
    void (async () => {
      await api('/auth/switch', { method: 'POST', body: { municipalityId: m.id } });
      await reset();
      if (!cancelled) navigate(target, { replace: true, state: { switchedTo: m.name } satisfies SwitchedState });
    })();
    return () => {
      cancelled = true;
    };
  }, [wanted]);
  return wanted ? <Loading /> : children;
}
