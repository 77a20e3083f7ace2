import { AppError } from '@dz/core';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import { paperFileName } from '../finance/paper-file.js';
import * as repo from './oparl.repository.js';

/**
 * OParl 1.1 (https://oparl.org/spezifikation/) over the public decision papers: System → Body (a
 * municipality with at least one public paper) → lists of papers, organizations, meetings and people;
 * Paper with its File and Consultations (Beratungsfolge); Organization (a committee or council named
 * in the Beratungsfolge). Every `id` is the object's own URL under `${publicUrl}/oparl/v1`.
 */

export const OPARL_BASE = '/oparl/v1';
const SCHEMA = 'https://schema.oparl.org/1.1/';
const ROLE: Record<string, string> = {
  preliminary: 'Vorberatung',
  decision: 'Entscheidung',
  information: 'Kenntnisnahme',
};

/** List parameters as parsed from the query string. */
export interface ListQuery {
  page: number;
  limit: number;
  created_since?: string;
  created_until?: string;
  modified_since?: string;
  modified_until?: string;
}

/** Absolute URLs of every OParl object, built from the configured public URL. */
export function urls(publicUrl: string) {
  const base = `${publicUrl.replace(/\/+$/, '')}${OPARL_BASE}`;
  return {
    system: `${base}/system`,
    bodies: `${base}/bodies`,
    body: (id: string) => `${base}/bodies/${id}`,
    papers: (bodyId: string) => `${base}/bodies/${bodyId}/papers`,
    organizations: (bodyId: string) => `${base}/bodies/${bodyId}/organizations`,
    meetings: (bodyId: string) => `${base}/bodies/${bodyId}/meetings`,
    people: (bodyId: string) => `${base}/bodies/${bodyId}/people`,
    organization: (bodyId: string, name: string) =>
      `${base}/bodies/${bodyId}/organizations/${Buffer.from(name, 'utf8').toString('base64url')}`,
    paper: (id: string) => `${base}/papers/${id}`,
    consultation: (paperId: string, n: number) => `${base}/papers/${paperId}/consultations/${n}`,
    file: (id: string) => `${base}/files/${id}`,
    fileAccess: (id: string) => `${base}/files/${id}/access`,
    fileDownload: (id: string) => `${base}/files/${id}/download`,
  };
}
type Urls = ReturnType<typeof urls>;

/** The key of an organization URL back to the committee's name (base64url of its UTF-8 name). */
export function organizationName(key: string): string | null {
  const name = Buffer.from(key, 'base64url').toString('utf8');
  return Buffer.from(name, 'utf8').toString('base64url') === key ? name : null;
}

const notFound = () => new AppError('not_found', 'Dieses öffentliche OParl-Objekt gibt es nicht.');

function window(q: ListQuery): repo.Window {
  const d = (s?: string) => (s ? new Date(s) : undefined);
  return {
    createdSince: d(q.created_since),
    createdUntil: d(q.created_until),
    modifiedSince: d(q.modified_since),
    modifiedUntil: d(q.modified_until),
  };
}

/** An OParl list page: `data`, `pagination` and `links` (first/prev/next/last keep the filters). */
function listPage<T>(listUrl: string, q: ListQuery, data: T[], total: number) {
  const totalPages = Math.max(1, Math.ceil(total / q.limit));
  const link = (page: number) => {
    const params = new URLSearchParams();
    for (const k of ['created_since', 'created_until', 'modified_since', 'modified_until'] as const) {
      const v = q[k];
      if (v) params.set(k, v);
    }
    if (q.limit !== LIST_LIMIT) params.set('limit', String(q.limit));
    if (page > 1) params.set('page', String(page));
    const s = params.toString();
    return s ? `${listUrl}?${s}` : listUrl;
  };
  return {
    data,
    pagination: { totalElements: total, elementsPerPage: q.limit, currentPage: q.page, totalPages },
    links: {
      first: link(1),
      ...(q.page > 1 ? { prev: link(Math.min(q.page - 1, totalPages)) } : {}),
      ...(q.page < totalPages ? { next: link(q.page + 1) } : {}),
      last: link(totalPages),
    },
  };
}

/** Default and largest page size of OParl lists. */
export const LIST_LIMIT = 20;
export const LIST_MAX = 100;
const offsetOf = (q: ListQuery) => ({ offset: (q.page - 1) * q.limit, limit: q.limit });

/** The entry point (OParl `System`). */
export function system(deps: Deps) {
  const u = urls(deps.config.publicUrl);
  return {
    id: u.system,
    type: `${SCHEMA}System`,
    oparlVersion: SCHEMA,
    body: u.bodies,
    name: 'Digitalzirkel – öffentliche Beschlussvorlagen',
  };
}

function bodyObject(u: Urls, b: repo.BodyRow) {
  return {
    id: u.body(b.id),
    type: `${SCHEMA}Body`,
    system: u.system,
    name: b.name,
    shortName: b.shortName,
    ags: b.ags,
    ...(b.ars ? { rgs: b.ars } : {}),
    classification: 'Gemeinde',
    organization: u.organizations(b.id),
    person: u.people(b.id),
    meeting: u.meetings(b.id),
    paper: u.papers(b.id),
    legislativeTerm: [],
    created: iso(b.createdAt),
    modified: iso(b.updatedAt),
  };
}

export async function listBodies(deps: Deps, q: ListQuery) {
  const u = urls(deps.config.publicUrl);
  const { rows, total } = await repo.listBodies(deps.db, window(q), offsetOf(q));
  return listPage(
    u.bodies,
    q,
    rows.map((b) => bodyObject(u, b)),
    total,
  );
}

export async function getBody(deps: Deps, id: string) {
  const b = await repo.findBody(deps.db, id);
  if (!b) throw notFound();
  return bodyObject(urls(deps.config.publicUrl), b);
}

function consultationObject(u: Urls, p: repo.PaperRow, c: repo.PaperRow['content']['consultation'][number], n: number) {
  const created = iso(p.createdAt);
  return {
    id: u.consultation(p.id, n),
    type: `${SCHEMA}Consultation`,
    paper: u.paper(p.id),
    organization: [u.organization(p.municipalityId, c.body)],
    authoritative: c.role === 'decision',
    role: ROLE[c.role] ?? c.role,
    ...(c.date ? { keyword: [`Sitzung am ${c.date.split('-').reverse().join('.')}`] } : {}),
    created,
    modified: created,
  };
}

function fileObject(u: Urls, p: repo.PaperRow) {
  const c = p.content;
  const created = iso(p.createdAt);
  return {
    id: u.file(p.id),
    type: `${SCHEMA}File`,
    name: `Beschlussvorlage ${c.reference} (Fassung ${p.versionNo})`,
    fileName: paperFileName(c.reference, p.versionNo),
    mimeType: 'application/pdf',
    date: c.paperDate,
    size: Number(p.size),
    sha512Checksum: p.sha512,
    accessUrl: u.fileAccess(p.id),
    downloadUrl: u.fileDownload(p.id),
    paper: [u.paper(p.id)],
    created,
    modified: created,
  };
}

function paperObject(u: Urls, p: repo.PaperRow, related: string[]) {
  const c = p.content;
  const created = iso(p.createdAt);
  return {
    id: u.paper(p.id),
    type: `${SCHEMA}Paper`,
    body: u.body(p.municipalityId),
    name: c.subject,
    reference: c.reference,
    date: c.paperDate,
    paperType: 'Beschlussvorlage',
    ...(related.length ? { relatedPaper: related.map((id) => u.paper(id)) } : {}),
    mainFile: fileObject(u, p),
    consultation: c.consultation.map((x, i) => consultationObject(u, p, x, i + 1)),
    keyword: [`Fassung ${p.versionNo}`],
    created,
    modified: created,
  };
}

/** Papers with their other public versions as `relatedPaper`. */
async function presentPapers(deps: Deps, rows: repo.PaperRow[]) {
  const u = urls(deps.config.publicUrl);
  const versions = await repo.publicVersions(deps.db, [...new Set(rows.map((r) => r.projectId))]);
  return rows.map((p) =>
    paperObject(
      u,
      p,
      versions.filter((v) => v.projectId === p.projectId && v.id !== p.id).map((v) => v.id),
    ),
  );
}

export async function listPapers(deps: Deps, bodyId: string, q: ListQuery) {
  await getBody(deps, bodyId);
  const { rows, total } = await repo.listPapers(deps.db, bodyId, window(q), offsetOf(q));
  return listPage(urls(deps.config.publicUrl).papers(bodyId), q, await presentPapers(deps, rows), total);
}

async function publicPaper(deps: Deps, id: string) {
  const p = await repo.findPaper(deps.db, id);
  if (!p) throw notFound();
  return p;
}

export async function getPaper(deps: Deps, id: string) {
  const [paper] = await presentPapers(deps, [await publicPaper(deps, id)]);
  return paper;
}

export async function getConsultation(deps: Deps, paperId: string, n: number) {
  const p = await publicPaper(deps, paperId);
  const c = p.content.consultation[n - 1];
  if (!c) throw notFound();
  return consultationObject(urls(deps.config.publicUrl), p, c, n);
}

export async function getFile(deps: Deps, id: string) {
  return fileObject(urls(deps.config.publicUrl), await publicPaper(deps, id));
}

/** The PDF of a public paper with its file name. */
export async function fileContent(deps: Deps, id: string) {
  const r = await repo.findPdf(deps.db, id);
  if (!r) throw notFound();
  return { pdf: r.pdf, fileName: paperFileName(r.content.reference, r.versionNo) };
}

function organizationObject(u: Urls, bodyId: string, o: repo.OrganizationRow) {
  return {
    id: u.organization(bodyId, o.name),
    type: `${SCHEMA}Organization`,
    body: u.body(bodyId),
    name: o.name,
    organizationType: 'Gremium',
    created: iso(o.created),
    modified: iso(o.modified),
  };
}

export async function listOrganizations(deps: Deps, bodyId: string, q: ListQuery) {
  await getBody(deps, bodyId);
  const u = urls(deps.config.publicUrl);
  const { rows, total } = await repo.listOrganizations(deps.db, bodyId, window(q), offsetOf(q));
  return listPage(
    u.organizations(bodyId),
    q,
    rows.map((o) => organizationObject(u, bodyId, o)),
    total,
  );
}

export async function getOrganization(deps: Deps, bodyId: string, key: string) {
  const name = organizationName(key);
  const o = name === null ? undefined : await repo.findOrganization(deps.db, bodyId, name);
  if (!o) throw notFound();
  return organizationObject(urls(deps.config.publicUrl), bodyId, o);
}

/** Meetings and people are not kept by Digitalzirkel: their lists exist (the Body links them) and are empty. */
export async function emptyList(deps: Deps, bodyId: string, kind: 'meetings' | 'people', q: ListQuery) {
  await getBody(deps, bodyId);
  return listPage(urls(deps.config.publicUrl)[kind](bodyId), q, [], 0);
}
