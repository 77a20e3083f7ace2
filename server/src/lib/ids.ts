import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** UUIDs are generated in the app (ARCHITECTURE: data conventions). */
export const newId = (): string => randomUUID();

/** A random URL-safe secret (256 bit) for sessions, invitations and reset links. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Only hashes of secrets are stored, so a database leak does not leak live links or sessions. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** ISO string of a timestamp column (Date in both drivers). */
export function iso(d: Date | string): string;
export function iso(d: Date | string | null | undefined): string | null;
export function iso(d: Date | string | null | undefined): string | null {
  if (d == null) return null;
  return d instanceof Date ? d.toISOString() : new Date(d).toISOString();
}
