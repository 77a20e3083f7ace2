import type { MunicipalityRole } from '@dz/core';

/** Who acts, built from the session only (never from body or query). */
export interface Scope {
  sessionId: string;
  csrfToken: string;
  /** Last sliding-expiry refresh of the session. */
  lastSeenAt: Date;
  user: { id: string; email: string; name: string; locale: string; isPlatformAdmin: boolean };
  municipalityId: string | null;
  roles: MunicipalityRole[];
  /** Networks the active municipality currently belongs to. */
  networkIds: string[];
  /** Networks this user moderates. */
  moderatedNetworkIds: string[];
}

/** A scope with an active municipality (tenant routes). */
export type TenantScope = Scope & { municipalityId: string };
