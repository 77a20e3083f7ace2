import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './browser';

/**
 * Every route of the web router with the demo account that sees the most on it and how to fill its path
 * parameters. `routerPaths()` reads the router source, so a route added there without an entry here fails the
 * phone test instead of being forgotten.
 */
export type Account =
  | 'public'
  | 'ploen'
  | 'hauptamt'
  | 'uslar'
  | 'moderation'
  | 'admin'
  | 'kastellaun'
  | 'bauhof'
  | 'ebersberg';

export interface Ids {
  networkId: string;
  surveyId: string;
  projectId: string;
  entryId: string;
  jointId: string;
  studyId: string;
  /** The demo's live building yard of Kastellaun, Bell and Beltheim, and one of its open work orders. */
  liveStudyId: string;
  orderId: string;
  ideaId: string;
  needId: string;
  workshopId: string;
  /** A service of Plön's process inventory (created for the test: the demo has none). */
  serviceId: string;
  modelId: string;
  /** A draft self-assessment of Plön (started for the test when the demo has none). */
  assessmentId: string;
  /** The platform's council-paper checklist (starter content of the method library, ticked by Plön in the demo). */
  guideId: string;
}

export const ROUTES: Record<string, { as: Account; url?: (ids: Ids) => string }> = {
  '/anmelden': { as: 'public' },
  '/einladung': { as: 'public' },
  '/passwort-zuruecksetzen': { as: 'public' },
  '/einrichtung': { as: 'public' },
  '/barrierefreiheit': { as: 'public' },
  '/datenschutz': { as: 'public' },
  '/impressum': { as: 'public' },
  '/mitmachen': { as: 'public' },
  '/workshops/:workshopId/praesentation': { as: 'moderation' },
  '/': { as: 'ploen' },
  '/kommune': { as: 'hauptamt' },
  '/benutzer': { as: 'hauptamt' },
  '/verbuende': { as: 'moderation' },
  '/verbuende/:networkId': { as: 'moderation' },
  // the moderation sees the distributions and keeps the network's own figures and criteria
  '/verbuende/:networkId/kennzahlen': { as: 'moderation' },
  '/umfragen': { as: 'ploen' },
  '/umfragen/:surveyId': { as: 'moderation' },
  '/umfragen/:surveyId/bearbeiten': { as: 'moderation' },
  '/umfragen/:surveyId/antworten': { as: 'ploen' },
  '/umfragen/:surveyId/ergebnisse': { as: 'ploen' },
  '/bedarfe': { as: 'ploen' },
  '/ideen': { as: 'ploen' },
  '/zielbild': { as: 'ploen' },
  '/nachverfolgung': { as: 'ploen' },
  '/reifegrad': { as: 'ploen' },
  '/reifegrad/einschaetzung/:assessmentId': { as: 'ploen' },
  '/reifegrad/modell': { as: 'admin' },
  '/projekte': { as: 'ploen' },
  '/kommunikation': { as: 'ploen' },
  '/prozesse': { as: 'ploen' },
  '/prozesse/leistungen/:serviceId': { as: 'ploen' },
  '/prozesse/modelle/:modelId': { as: 'ploen' },
  '/puls': { as: 'ploen' },
  // Ebersberg has key figures over several years in the demo (issue 22)
  '/reifegrad/kennzahlen': { as: 'ebersberg' },
  '/reifegrad/vergleich': { as: 'ebersberg' },
  '/neuigkeiten': { as: 'ploen' },
  '/neuigkeiten/redaktion': { as: 'ploen' },
  '/kompetenzen': { as: 'ploen' },
  '/kompetenzen/qualifizierung': { as: 'ploen' },
  '/projekte/neu': { as: 'ploen' },
  '/projekte/board': { as: 'ploen' },
  '/projekte/zeitleiste': { as: 'ploen' },
  '/projekte/nutzen-aufwand': { as: 'ploen' },
  '/projekte/:projectId': { as: 'ploen' },
  '/projekte/:projectId/finanzen': { as: 'ploen' },
  '/projekte/:projectId/beschlussvorlage': { as: 'ploen' },
  '/projekte/:id/veroeffentlichen': { as: 'ploen', url: (ids) => `/projekte/${ids.projectId}/veroeffentlichen` },
  '/austausch/projekte': { as: 'uslar' },
  '/austausch/projekte/:id': { as: 'uslar', url: (ids) => `/austausch/projekte/${ids.entryId}` },
  '/austausch/projekte/:id/uebernehmen': {
    as: 'uslar',
    url: (ids) => `/austausch/projekte/${ids.entryId}/uebernehmen`,
  },
  '/austausch/partner': { as: 'ploen' },
  '/austausch/kontakte': { as: 'ploen' },
  '/austausch/gemeinsam': { as: 'ploen' },
  '/austausch/gemeinsam/neu': { as: 'ploen' },
  '/austausch/gemeinsam/:id': { as: 'ploen', url: (ids) => `/austausch/gemeinsam/${ids.jointId}` },
  '/gemeinsame-dienste': { as: 'ploen' },
  '/gemeinsame-dienste/neu': { as: 'ploen' },
  '/gemeinsame-dienste/katalog': { as: 'moderation' },
  '/gemeinsame-dienste/:id': { as: 'ploen', url: (ids) => `/gemeinsame-dienste/${ids.studyId}` },
  // the service team sees every order of the service and works on them; the lead closes months
  '/gemeinsame-dienste/:id/auftraege': {
    as: 'bauhof',
    url: (ids) => `/gemeinsame-dienste/${ids.liveStudyId}/auftraege`,
  },
  '/gemeinsame-dienste/:id/auftraege/neu': {
    as: 'kastellaun',
    url: (ids) => `/gemeinsame-dienste/${ids.liveStudyId}/auftraege/neu`,
  },
  '/gemeinsame-dienste/:id/auftraege/:orderId': {
    as: 'bauhof',
    url: (ids) => `/gemeinsame-dienste/${ids.liveStudyId}/auftraege/${ids.orderId}`,
  },
  '/gemeinsame-dienste/:id/abrechnung': {
    as: 'kastellaun',
    url: (ids) => `/gemeinsame-dienste/${ids.liveStudyId}/abrechnung`,
  },
  '/finanzen/einstellungen': { as: 'ploen' },
  '/finanzen': { as: 'ploen' },
  '/priorisierung': { as: 'ploen' },
  '/kapazitaet': { as: 'ploen' },
  '/ideen/:ideaId': { as: 'ploen' },
  '/bedarfe/:needId': { as: 'ploen' },
  '/workshops': { as: 'moderation' },
  '/workshops/:workshopId': { as: 'moderation' },
  '/kommunen': { as: 'ploen' },
  '/protokoll': { as: 'hauptamt' },
  '/datenschutz/anfragen': { as: 'hauptamt' },
  '/datenschutz/fristen': { as: 'hauptamt' },
  '/plattform/rechtstexte': { as: 'admin' },
  '/import': { as: 'admin' },
  '/profil': { as: 'ploen' },
  '/benachrichtigungen': { as: 'ploen' },
  '/hilfen': { as: 'ploen' },
  '/hilfen/:guideId': { as: 'ploen' },
  // the platform administration writes the platform's guides, the moderation its network's
  '/hilfen/neu': { as: 'moderation' },
  '/hilfen/:guideId/bearbeiten': { as: 'admin' },
  '*': { as: 'ploen', url: () => '/gibt-es-nicht' },
};

export const ACCOUNT_EMAIL: Record<Exclude<Account, 'public'>, string> = {
  ploen: 'ploen@digitalzirkel.example',
  hauptamt: 'hauptamt.ploen@digitalzirkel.example',
  uslar: 'uslar@digitalzirkel.example',
  moderation: 'moderation@digitalzirkel.example',
  admin: 'admin@digitalzirkel.example',
  kastellaun: 'kastellaun@digitalzirkel.example',
  bauhof: 'bauhof.kastellaun@digitalzirkel.example',
  ebersberg: 'ebersberg@digitalzirkel.example',
};

/** The municipality an account works in on its routes, when it is not the one it starts in. */
const HOME_MUNICIPALITY: Partial<Record<Account, string>> = { kastellaun: 'Kastellaun' };

const routerFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src/app/router.tsx');

/** The paths declared in the web router (`path="…"`, and the index route as "/"). */
export function routerPaths(): string[] {
  const source = fs.readFileSync(routerFile, 'utf8');
  const paths = [...source.matchAll(/<Route\s[^>]*path="([^"]+)"/g)].map((m) => m[1] as string);
  if (/<Route\s+index\b/.test(source)) paths.push('/');
  return paths;
}

/** A route pattern with its parameters filled from the demo ids. */
export function urlOf(pattern: string, ids: Ids): string {
  const route = ROUTES[pattern];
  if (route?.url) return route.url(ids);
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = (ids as unknown as Record<string, string>)[name];
    if (!value) throw new Error(`no demo id for :${name} in ${pattern}`);
    return value;
  });
}

/** A browser context signed in as a demo account (through the API, so the test is about the pages). */
export async function signedIn(
  browser: Browser,
  base: string,
  account: Account,
  viewport = { width: 360, height: 740 },
): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport, locale: 'de-DE' });
  if (account === 'public') return ctx;
  const res = await ctx.request.post(`${base}/api/v1/auth/login`, {
    data: { email: ACCOUNT_EMAIL[account], password: DEMO_PASSWORD },
  });
  if (!res.ok()) throw new Error(`login as ${account} failed: ${res.status()}`);
  const home = HOME_MUNICIPALITY[account];
  if (home) {
    // the coordinator of a Verbandsgemeinde works for several municipalities and starts in the first by name
    const session = await (await ctx.request.get(`${base}/api/v1/auth/session`)).json();
    const to = (session.municipalities as { id: string; name: string }[]).find((m) => m.name === home)!;
    const switched = await ctx.request.post(`${base}/api/v1/auth/switch`, {
      data: { municipalityId: to.id },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    if (!switched.ok()) throw new Error(`switching ${account} to ${home} failed: ${switched.status()}`);
  }
  return ctx;
}

/** JSON from the API in a signed-in context; writes carry the session's CSRF token. */
export async function apiCall<T>(ctx: BrowserContext, base: string, p: string, body?: unknown): Promise<T> {
  let res: Awaited<ReturnType<BrowserContext['request']['get']>>;
  if (body === undefined) res = await ctx.request.get(`${base}/api/v1${p}`);
  else {
    const session = await (await ctx.request.get(`${base}/api/v1/auth/session`)).json();
    res = await ctx.request.post(`${base}/api/v1${p}`, {
      data: body,
      headers: { 'x-csrf-token': session.csrfToken },
    });
  }
  if (!res.ok()) throw new Error(`${body === undefined ? 'GET' : 'POST'} ${p}: ${res.status()} ${await res.text()}`);
  return res.json() as Promise<T>;
}

/**
 * Null when the page fits `width`; otherwise a description of the elements sticking out furthest to the right
 * (the outermost of each overflowing branch, widest first), for the failure message.
 */
export function horizontalOverflow(page: Page, width: number): Promise<string | null> {
  // a string, so that no helper a transpiler adds around named functions has to exist in the page
  return page.evaluate(`(() => {
    const w = ${width};
    const root = document.documentElement;
    if (root.scrollWidth <= w) return null;
    const textRight = new Map();
    const right = (el) => Math.max(el.getBoundingClientRect().right, textRight.get(el) || 0) + window.scrollX;
    const describe = (el) => {
      const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
      const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
      return '<' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + '> right edge ' + Math.round(right(el)) + ' px' + (text ? ' "' + text + '"' : '');
    };
    const sticksOut = (el) => right(el) > w + 0.5;
    // an element inside a region that scrolls or clips on its own cannot widen the page
    const clipped = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const all = [...document.body.querySelectorAll('*')].filter((el) => sticksOut(el) && !clipped(el));
    // text can run out of its box (a long word or address) without widening the box itself
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      const el = n.parentElement;
      const r = range.getBoundingClientRect().right;
      if (el && r + window.scrollX > w + 0.5 && getComputedStyle(el).overflowX === 'visible' && !clipped(el)) {
        textRight.set(el, Math.max(r, textRight.get(el) || 0));
        if (!all.includes(el)) all.push(el);
      }
    }
    const byRight = (a, b) => right(b) - right(a);
    const outermost = all.filter((el) => !all.includes(el.parentElement)).sort(byRight);
    const innermost = all.filter((el) => ![...el.children].some((c) => all.includes(c))).sort(byRight);
    return ['page is ' + root.scrollWidth + ' px wide']
      .concat(outermost.slice(0, 2).map((el) => 'outermost: ' + describe(el)))
      .concat(innermost.slice(0, 3).map((el) => 'widest: ' + describe(el)))
      .join('\\n  ');
  })()`);
}

type Items<T> = { items: T[] };

/**
 * Ids for the path parameters, read through the API as the demo accounts. The demo data has no idea and no
 * joint project nor shared-service study, so one of each is created (in Plön, with Loitz as partner), and a live workshop with a long
 * German topic for the participant view; its join code comes back as `liveCode`. Plön's process inventory is
 * empty in the demo, so a service with a long name is added to it.
 */
export async function demoIds(browser: Browser, base: string): Promise<Ids & { liveCode: string }> {
  const ploen = await signedIn(browser, base, 'ploen');
  const moderation = await signedIn(browser, base, 'moderation');
  const bauhof = await signedIn(browser, base, 'bauhof');
  try {
    const studies = await apiCall<Items<{ id: string; title: string }>>(bauhof, base, '/shared-services/studies');
    const liveStudyId = studies.items.find((s) => s.title === 'Gemeinsamer Bauhof Kastellaun, Bell und Beltheim')!.id;
    const open = await apiCall<Items<{ id: string; status: string }>>(
      bauhof,
      base,
      `/shared-services/studies/${liveStudyId}/orders?status=open`,
    );
    // an order in progress has time booked and the whole handling form
    const orderId = (open.items.find((o) => o.status === 'in_progress') ?? open.items[0]!).id;
    const networkId = (await apiCall<Items<{ id: string }>>(ploen, base, '/networks')).items[0]!.id;
    const surveyId = (await apiCall<Items<{ id: string }>>(ploen, base, '/surveys')).items[0]!.id;
    const projects = await apiCall<Items<{ id: string; title: string }>>(ploen, base, '/projects');
    // the appointment booking carries costs, risks, alternatives and a publication in the demo
    const projectId = (projects.items.find((p) => p.title.includes('Terminvergabe')) ?? projects.items[0]!).id;
    const entryId = (await apiCall<Items<{ id: string }>>(ploen, base, '/exchange')).items[0]!.id;
    const needId = (await apiCall<Items<{ id: string }>>(ploen, base, '/needs')).items[0]!.id;
    const workshops = (await apiCall<Items<{ id: string; status: string }>>(moderation, base, '/workshops')).items;
    // the demo workshop held in 2021, with its ideas, votes and results
    const workshopId = (workshops.find((w) => w.status === 'done') ?? workshops[0]!).id;
    const network = await apiCall<{ members: { municipalityId: string; name: string }[] }>(
      ploen,
      base,
      `/networks/${networkId}`,
    );
    const session = await apiCall<{ activeMunicipalityId: string }>(ploen, base, '/auth/session');
    const loitz = network.members.find((m) => m.name === 'Loitz')!.municipalityId;
    const ideaId = (
      await apiCall<{ id: string }>(ploen, base, '/ideas', {
        title: 'Dienstreiseabrechnungen ohne Papierformulare über das Mitarbeiterportal einreichen',
        description: 'Heute füllen Beschäftigte Formulare aus, die Personalverwaltung tippt sie ab.',
      })
    ).id;
    const jointId = (
      await apiCall<{ id: string }>(ploen, base, '/joint-projects', {
        title: 'Gemeinsame Informationssicherheitsbeauftragte für Plön und Loitz',
        description: 'Eine Stelle für beide Verwaltungen, Kosten nach Einwohnerzahl.',
        costKey: 'population',
        costLines: [{ label: 'Personalkosten Informationssicherheit', amountCents: 6_500_000 }],
        partners: [{ municipalityId: session.activeMunicipalityId }, { municipalityId: loitz }],
      })
    ).id;
    const studyId = (
      await apiCall<{ id: string }>(ploen, base, '/shared-services/studies', {
        title: 'Gemeinsamer Bauhof Plön und Loitz',
        serviceKey: 'bauhof',
        partnerIds: [loitz],
      })
    ).id;
    const live = await apiCall<{ id: string }>(moderation, base, '/workshops', {
      networkId,
      title: 'Arbeitstreffen Digitalisierungsstrategie und Verwaltungsmodernisierung',
      heldOn: new Date().toISOString().slice(0, 10),
    });
    const withItem = await apiCall<{ items: { id: string; kind: string }[] }>(
      moderation,
      base,
      `/workshops/${live.id}/items`,
      {
        kind: 'topic',
        title: 'Informationssicherheitsmanagementsystem und Datenschutzfolgenabschätzungen gemeinsam organisieren',
      },
    );
    await apiCall(moderation, base, `/workshops/${live.id}/live`, {
      status: 'live',
      currentItemId: withItem.items.find((i) => i.kind === 'topic')!.id,
    });
    const { joinCode } = await apiCall<{ joinCode: string }>(moderation, base, `/workshops/${live.id}`);
    const serviceId = (
      await apiCall<{ id: string }>(ploen, base, '/processes/services', {
        name: 'Gewerbeanmeldung mit Weiterleitung an Finanzamt, Handwerkskammer und Berufsgenossenschaft',
        subjectArea: 'Unternehmensführung & -entwicklung',
        leikaKey: '99050012104000',
        casesPerYear: 420,
        minutesPerCase: 25,
        ozgLevel: 2,
        ozgTarget: 4,
        mediaBreaks: 2,
      })
    ).id;
    // the demo's modelled business registration: a to-be variant with steps, a decision and a loop
    const services = await apiCall<{ items: { id: string; name: string }[] }>(ploen, base, '/processes/services');
    const gewerbe = services.items.find((x) => x.name === 'Gewerbe anmelden')!;
    const modelId = (
      await apiCall<{ modelList: { id: string; kind: string }[] }>(ploen, base, `/processes/services/${gewerbe.id}`)
    ).modelList.find((x) => x.kind === 'to_be')!.id;
    // Plön's draft self-assessment: the page with the most on it (radio cards, suggestions, evidence)
    const maturity = await apiCall<{ assessments: { id: string; status: string }[] }>(ploen, base, '/maturity');
    const assessmentId =
      maturity.assessments.find((a) => a.status === 'draft')?.id ??
      (await apiCall<{ id: string }>(ploen, base, '/maturity/assessments', {})).id;
    const guides = await apiCall<{ items: { id: string; title: string }[] }>(ploen, base, '/guides?kind=checklist');
    const guideId = guides.items.find((g) => g.title.startsWith('Checkliste Beschlussvorlage'))!.id;
    return {
      assessmentId,
      guideId,
      modelId,
      networkId,
      surveyId,
      projectId,
      entryId,
      jointId,
      studyId,
      liveStudyId,
      orderId,
      ideaId,
      needId,
      workshopId,
      serviceId,
      liveCode: joinCode,
    };
  } finally {
    await ploen.close();
    await moderation.close();
    await bauhof.close();
  }
}
