import type { MunicipalityRole } from '@dz/core';
import type { Database } from '../src/db/database.js';
import type { Client } from './helpers.js';

/**
 * Types and helpers of the permission probes (permission-probes*.ts): for each flag of each rule in core/domain/permissions.ts, where the UI
 * reads it and which write it stands for, on a fresh resource made by the fixtures' owner.
 */
export type Actor = MunicipalityRole | 'moderator';
export const ACTORS: readonly Actor[] = ['admin', 'coordinator', 'staff', 'mayor', 'council', 'moderator'];
type Body = Record<string, unknown>;
export type Json = Record<string, any>;
export interface Case {
  /** GET url whose answer carries the flags (a refused read means: all flags false). */
  read: string;
  /** The flags in the read's answer (default: `can`). */
  can?: (json: Json) => Record<string, boolean>;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** The write's body, given what the read answered (e.g. its version). */
  body?: (json: Json) => Body;
}
export interface Env {
  db: Database;
  /** The municipality of the actors. */
  M: string;
  owner: Client;
  ownerUser: { id: string; email: string };
  actor: { id: string; email: string };
  other: { id: string };
  otherOwner: Client;
  networkId: string;
  entryId: string;
}
export type Probe = (env: Env) => Promise<Case>;

/** Flags that answer a read, not a write; they are proven where the read is tested. */
export const READ_FLAGS: Record<string, string> = {
  'surveyResults.see':
    'a read: results.service.ts answers 404/403 exactly as surveys.test.ts and anonymity.test.ts prove',
  'surveyView.results': 'a read (the results page)',
  'workshop.report': 'a read (report PDF/Markdown for everyone who sees the workshop)',
};
/** Resources whose flags are the rule of others, proven through those. */
export const DERIVED: Record<string, string> = {
  session: 'the role matrix for the navigation; every action of it is proven through the resources below',
  survey: 'proven through surveyView (same flags, same rule)',
  response: 'proven through responseView (its role part)',
  joint: 'proven through jointView (edit, answer, write) and the share probes (decideShares)',
};

let uniq = 0;
export const u = (s: string) => `${s} ${++uniq}`;
/** A population no municipality had before: new figures that make a cost split outdated. */
let populations = 0;
// large steps on a counter of their own (titles count up `uniq`): the split in cents changes every time
export const newPopulation = () => 5_000 + 1_000 * ++populations;
export const ok = async (p: Promise<{ statusCode: number; body: string; json(): any }>) => {
  const r = await p;
  if (r.statusCode >= 300) throw new Error(`fixture request failed: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.json();
};
export const JOINT = (ids: string[]) => ({
  title: u('Gemeinsam'),
  costKey: 'equal',
  costLines: [{ label: 'Betrieb', amountCents: 10_000 }],
  partners: ids.map((municipalityId) => ({ municipalityId })),
});

/** A network the actor moderates, if any (else the fixtures' network): list flags offer exactly those. */
export async function moderatedBy(e: Env) {
  const mine = await e.db
    .selectFrom('networkModerators')
    .select('networkId')
    .where('userId', '=', e.actor.id)
    .executeTakeFirst();
  return mine?.networkId ?? e.networkId;
}

export async function newProject(e: Env, ownerId: string | null = null) {
  return (await ok(e.owner.post('/api/v1/projects', { title: u('Projekt'), ...(ownerId ? { ownerId } : {}) })))
    .id as string;
}
export async function projectEdit(e: Env, ownerId: string | null): Promise<Case> {
  const p = await newProject(e, ownerId);
  return {
    read: `/api/v1/projects/${p}`,
    method: 'PATCH',
    url: `/api/v1/projects/${p}`,
    body: (j) => ({ version: j.version, title: u('Projekt'), phase: 'planning' }),
  };
}
export async function newWorkshop(e: Env) {
  return (
    await ok(e.owner.post('/api/v1/workshops', { networkId: e.networkId, title: u('Workshop'), heldOn: '2026-06-10' }))
  ).id as string;
}
export async function openNetworkSurvey(e: Env) {
  const s = await ok(
    e.owner.post('/api/v1/surveys', {
      networkId: e.networkId,
      title: u('Umfrage'),
      mode: 'municipality',
      source: 'import',
      definition: {
        sections: [
          {
            id: 'a',
            title: { de: 'A' },
            questions: [{ id: 'groesster', type: 'text', text: { de: 'Was drückt?' }, required: false }],
          },
        ],
      },
    }),
  );
  await ok(e.owner.post(`/api/v1/surveys/${s.id}/open`, { version: 1 }));
  return s.id as string;
}
