import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { sessionKey, useResetSession } from '../../app/session';
import { api, setCsrfToken } from '../../lib/api';

/** Query keys of the sign-in pages (the session itself has its own key in app/session). */
export const authKeys = {
  all: ['auth'] as const,
  invitation: (token: string) => ['auth', 'invitation', token] as const,
  setupLink: (token: string) => ['auth', 'setup-link', token] as const,
  options: ['auth', 'options'] as const,
};

/** The ways in this installation offers: the password form and/or the identity provider's button. */
export const authOptionsQuery = queryOptions({
  queryKey: authKeys.options,
  queryFn: () => api<C.AuthOptions>('/auth/options'),
  staleTime: Number.POSITIVE_INFINITY,
});

/** Where the browser starts a sign-in through the identity provider (a full page load, not a request). */
export const oidcStartUrl = (next: string) => `/api/v1/auth/oidc/start?weiter=${encodeURIComponent(next)}`;

/** A link's token is checked by the server only when it can be one at all (at least 20 characters). */
const plausible = (token: string) => token.length >= 20;

export type InvitationInfo = z.infer<typeof C.invitationInfo>;
/** What an invitation link opens; a closed one fails with `token_invalid` and its reason (no retry). */
export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: authKeys.invitation(token),
    queryFn: () => api<InvitationInfo>(`/auth/invitations/${encodeURIComponent(token)}`),
    retry: false,
    enabled: plausible(token),
  });

export type SetupLinkInfo = z.infer<typeof C.setupLinkInfo>;
/** Whether the one-time setup link still works (fails with `token_invalid` and its reason otherwise). */
export const setupLinkQuery = (token: string) =>
  queryOptions({
    queryKey: authKeys.setupLink(token),
    queryFn: () => api<SetupLinkInfo>(`/auth/setup/${encodeURIComponent(token)}`),
    retry: false,
    enabled: plausible(token),
  });

/** Signing in, accepting an invitation and the first setup start a session: everything is loaded anew. */
function useStartsSession<T>(path: string) {
  const resetSession = useResetSession();
  return useMutation({
    mutationFn: (body: T) => api(path, { method: 'POST', body }),
    onSuccess: () => resetSession(),
  });
}

export type LoginInput = z.input<typeof C.loginBody>;
export const useLogin = () => useStartsSession<LoginInput>('/auth/login');
export type AcceptInvitationInput = z.input<typeof C.acceptInvitationBody>;
export const useAcceptInvitation = () => useStartsSession<AcceptInvitationInput>('/auth/invitations/accept');
/**
 * The public pages run outside the signed-in shell, which otherwise hands the session's CSRF token to the API
 * client: a write of the signed-in person from such a page sets it from the cached session first.
 */
function useSessionCsrf() {
  const qc = useQueryClient();
  return () => {
    const session = qc.getQueryData<C.SessionResponse | null>(sessionKey);
    if (session) setCsrfToken(session.csrfToken);
  };
}

export type AcceptSignedInInput = z.input<typeof C.acceptInvitationSignedInBody>;
/** Accepting as the person signed in (no password); the session stays and works on in the municipality joined. */
export function useAcceptInvitationSignedIn() {
  const resetSession = useResetSession();
  const csrf = useSessionCsrf();
  return useMutation({
    mutationFn: (body: AcceptSignedInInput) => {
      csrf();
      return api('/auth/invitations/accept-signed-in', { method: 'POST', body });
    },
    onSuccess: () => resetSession(),
  });
}

/**
 * Signs out from a public page (another person's session on the invitation page). Answers the identity
 * provider's end-session URL for a session that came from there; otherwise the page shows itself signed out.
 */
export function useSignOutHere() {
  const resetSession = useResetSession();
  const csrf = useSessionCsrf();
  return useMutation({
    mutationFn: () => {
      csrf();
      return api<{ endSessionUrl?: string }>('/auth/logout', { method: 'POST' });
    },
    onSuccess: async (out) => {
      if (!out?.endSessionUrl) await resetSession();
    },
  });
}
export type SetupInput = z.input<typeof C.setupBody>;
export const useSetup = () => useStartsSession<SetupInput>('/auth/setup');

export type ResetRequestInput = z.input<typeof C.resetRequestBody>;
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: ResetRequestInput) => api('/auth/password-reset', { method: 'POST', body }),
  });
}

export type ResetConfirmInput = z.input<typeof C.resetConfirmBody>;
export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: ResetConfirmInput) => api('/auth/password-reset/confirm', { method: 'POST', body }),
  });
}

export type ProfileInput = z.input<typeof C.profileBody>;
/** Name and language live in the session: it is fetched again after saving. */
export function useSaveProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileInput) => api('/auth/profile', { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
}

/** Ends every session of the person, this one included: nothing cached may outlive it. */
export function useLogoutEverywhere() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout-everywhere', { method: 'POST' }),
    onSuccess: () => qc.clear(),
  });
}
