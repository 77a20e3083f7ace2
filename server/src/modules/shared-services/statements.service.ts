import {
  AppError,
  addMonths,
  monthlyStatement,
  monthOf,
  poolFixedCents,
  presentCan,
  type serviceStatement,
  useCents,
  usedUnits,
} from '@dz/core';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { loadSettings } from '../finance/finance.service.js';
import { firstOpenMonth } from './operation.access.js';
import { membership, roleOf, studyModel } from './studies.service.js';

/**
 * The monthly statement of a live shared service: each partner's share of the pool's fixed costs under the
 * agreement's key, plus its actual use (orders done, hours) × the target model's rates and its material at cost,
 * plus the corrections of closed months. One aggregate over the month's entries (SQL), priced in core. Closing a
 * month freezes its lines; later facts of it are billed in the first open month, visibly.
 */
type Db = Deps['db'] | Transaction<DB>;
type Line = z.infer<typeof serviceStatement>['lines'][number];

async function liveStudy(db: Db, scope: TenantScope, id: string) {
  const s = await membership(db, scope, id);
  if (s.myStatus !== 'accepted') throw new AppError('not_found');
  if (s.status !== 'live' || !s.liveFrom)
    throw new AppError('conflict', 'Abrechnungen gibt es, sobald der gemeinsame Dienst in Betrieb ist.');
  return s as typeof s & { liveFrom: string };
}

/** The month's lines of every partner, computed from the entries (for an open month, or to close one). */
export async function computeLines(
  db: Db,
  s: Parameters<typeof studyModel>[0] & { id: string; leadMunicipalityId: string },
  month: string,
  loaded?: Awaited<ReturnType<typeof loadSettings>>,
): Promise<Line[]> {
  const [partners, settings, use] = await Promise.all([
    db
      .selectFrom('serviceStudyPartners as p')
      .innerJoin('municipalities as m', 'm.id', 'p.municipalityId')
      .select(['p.municipalityId', 'm.name', 'm.population', 'p.customPercent', 'p.statusQuo'])
      .where('p.studyId', '=', s.id)
      .where('p.status', '=', 'accepted')
      .orderBy('p.position')
      .execute(),
    loaded ?? loadSettings(db, s.leadMunicipalityId),
    // one pass over the month's entries: per partner, its own facts and each closed month's late ones
    db
      .selectFrom('serviceWorkEntries')
      .select((eb) => [
        'municipalityId',
        'correctionOf',
        eb.fn.count<number>('id').filterWhere('kind', '=', 'completion').as('orders'),
        eb.fn.coalesce(eb.fn.sum<number>('minutes'), sql<number>`0`).as('minutes'),
        eb.fn.coalesce(eb.fn.sum<number>('cents').filterWhere('kind', '=', 'material'), sql<number>`0`).as('material'),
      ])
      .where('studyId', '=', s.id)
      .where('billedMonth', '=', month)
      .groupBy(['municipalityId', 'correctionOf'])
      .execute(),
  ]);
  const study = studyModel(s, partners, settings.rates);
  const rates = study.target.variableCentsPerUnit;
  const priced = (u: (typeof use)[number]) =>
    useCents(
      { units: usedUnits({ orders: Number(u.orders), minutes: Number(u.minutes) }), materialCents: Number(u.material) },
      rates,
    );
  const own = (id: string) => use.find((u) => u.municipalityId === id && u.correctionOf === null);
  const corrections = (id: string) =>
    use
      .filter((u) => u.municipalityId === id && u.correctionOf !== null)
      .map((u) => ({ month: u.correctionOf as string, cents: priced(u) }))
      .sort((a, b) => a.month.localeCompare(b.month));
  const lines = monthlyStatement({
    fixedCentsPerYear: poolFixedCents(study),
    month: Number(month.slice(5, 7)),
    allocation: study.allocation,
    partners: study.partners,
    ratesPerUnit: rates,
    use: partners.map((p) => {
      const u = own(p.municipalityId);
      return {
        units: usedUnits({ orders: Number(u?.orders ?? 0), minutes: Number(u?.minutes ?? 0) }),
        materialCents: Number(u?.material ?? 0),
        correctionCents: corrections(p.municipalityId).reduce((a, c) => a + c.cents, 0),
      };
    }),
  });
  return partners.map((p, i) => {
    const u = own(p.municipalityId);
    return {
      municipalityId: p.municipalityId,
      name: p.name,
      orders: Number(u?.orders ?? 0),
      hours: Math.round((Number(u?.minutes ?? 0) / 60) * 100) / 100,
      materialCents: Number(u?.material ?? 0),
      corrections: corrections(p.municipalityId),
      ...lines[i]!,
    };
  });
}

/** The months of operation so far: from the first one to the current month (or the first open one, if later). */
function monthsOf(liveFrom: string, firstOpen: string) {
  const now = monthOf(new Date());
  const last = [firstOpen, now].sort()[1]!;
  const out: { month: string; closed: boolean }[] = [];
  for (let m = liveFrom; m <= last && out.length < 600; m = addMonths(m, 1))
    out.push({ month: m, closed: m < firstOpen });
  return out.reverse();
}

export async function getStatement(deps: Deps, scope: TenantScope, id: string, month?: string) {
  const s = await liveStudy(deps.db, scope, id);
  const can = presentCan(scope, 'studyView', roleOf(scope, s));
  // the first open month from the study's own read (membership selects the last closed month)
  const firstOpen = s.lastClosed ? addMonths(s.lastClosed, 1) : s.liveFrom;
  const months = monthsOf(s.liveFrom, firstOpen);
  const current = monthOf(new Date());
  // default: this month (closed or not), or the first month of operation if that lies ahead
  const m = month ?? [s.liveFrom, current].sort()[1]!;
  if (!months.some((x) => x.month === m))
    throw new AppError('not_found', 'Für diesen Monat gibt es keine Abrechnung des Dienstes.');
  const closed = m < firstOpen;
  const from = addMonths(m, -11);
  // the chart's twelve months are the statements' own figures: closed months from their frozen lines, open
  // ones computed — so chart and table always agree, and no month is aggregated twice. Everything in one
  // parallel step after the study's read.
  const open = months.filter((x) => !x.closed && x.month >= from && x.month <= m).map((x) => x.month);
  const [frozen, settings, ...computed] = await Promise.all([
    deps.db
      .selectFrom('serviceClosedMonths')
      .select(['month', 'lines', 'closedAt'])
      .where('studyId', '=', id)
      .where('month', '>=', from)
      .where('month', '<=', m)
      .orderBy('month')
      .execute(),
    loadSettings(deps.db, s.leadMunicipalityId),
    ...open.map(async (month) => ({ month, lines: await computeLines(deps.db, s, month) })),
  ]);
  const byMonth = [...frozen, ...computed].sort((x, y) => x.month.localeCompare(y.month));
  const shown = byMonth.find((x) => x.month === m);
  if (!shown) throw new AppError('not_found');
  // the lead's coordination sees every partner's line; a partner only its own
  const seeAll = can.close;
  const mine = (ls: Line[]) => (seeAll ? ls : ls.filter((l) => l.municipalityId === scope.municipalityId));
  const lines = mine(shown.lines);
  const volumes = byMonth.flatMap((x) =>
    mine(x.lines)
      .filter((l) => l.orders > 0 || l.hours > 0)
      .map((l) => ({ month: x.month, municipality: l.name, orders: l.orders, hours: l.hours })),
  );
  const closedAt = frozen.find((x) => x.month === m)?.closedAt;
  // the pool's rates are the same for every partner
  const study = studyModel(s, [], settings.rates);
  return {
    studyId: id,
    serviceTitle: s.title,
    month: m,
    months,
    closed,
    closedAt: closedAt ? iso(closedAt) : null,
    lines,
    totalCents: lines.reduce((a, l) => a + l.totalCents, 0),
    vatTaxable: s.vatTaxable,
    rates: {
      fixedCentsPerYear: poolFixedCents(study),
      perUnit: Object.fromEntries(
        Object.entries(study.target.variableCentsPerUnit).filter(([, v]) => typeof v === 'number'),
      ) as Record<string, number>,
    },
    volumes,
    can: { close: can.close && !closed && m === firstOpen && m <= monthOf(new Date()) },
  };
}

/**
 * The lead closes the first open month (months close in order, and not before they began): its lines are frozen
 * as they are; later facts of it go into the next open month as corrections.
 */
export async function closeMonth(deps: Deps, scope: TenantScope, id: string, month: string) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await liveStudy(trx, scope, id);
    authorize(scope, 'studyView', 'close', roleOf(scope, s));
    // no fact is booked into the month while it closes (booking holds the row FOR SHARE)
    await trx.selectFrom('serviceStudies').select('id').where('id', '=', id).forUpdate().execute();
    const firstOpen = await firstOpenMonth(trx, s);
    if (month !== firstOpen)
      throw new AppError(
        'conflict',
        month < firstOpen
          ? 'Dieser Monat ist bereits abgeschlossen.'
          : `Monate werden der Reihe nach abgeschlossen: zuerst ${firstOpen.slice(5)}/${firstOpen.slice(0, 4)}.`,
      );
    if (month > monthOf(new Date()))
      throw new AppError('conflict', 'Ein Monat lässt sich erst abschließen, wenn er begonnen hat.');
    const lines = await computeLines(trx, s, month);
    await trx
      .insertInto('serviceClosedMonths')
      .values({ studyId: id, month, lines: JSON.stringify(lines), closedBy: scope.user.id })
      .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'service_statement',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { month, totalCents: lines.reduce((a, l) => a + l.totalCents, 0) },
    });
  });
  return getStatement(deps, scope, id, month);
}
