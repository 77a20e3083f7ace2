import type { TFunction } from 'i18next';
import type { Benchmark, PeerGroup } from './queries';

/** Where the own municipality stands: its size class and Land, as the benchmark answers them. */
export type Context = Pick<Benchmark, 'sizeClass' | 'land'>;

/** A peer group's short name for a chart row or a table: "GK 6 in Bayern", "Bayern", the network's name. */
export function groupLabel(t: TFunction, g: Pick<PeerGroup, 'kind' | 'label'>, c: Context): string {
  if (g.kind === 'network') return g.label;
  return t(`keyFigures.groups.${g.kind}`, { sizeClass: c.sizeClass, land: c.land });
}

/** "Ebersberg liegt im schwächsten Viertel der GK6-Kommunen in Bayern." (quarter 1 = best, by the direction). */
export function quarterSentence(t: TFunction, name: string, g: PeerGroup, c: Context): string | null {
  if (!g.shown || g.quarter === null) return null;
  return t('keyFigures.quarterSentence', {
    name,
    quarter: t(`keyFigures.quarters.${g.quarter}`),
    group: t(`keyFigures.groupsOf.${g.kind}`, { sizeClass: c.sizeClass, land: c.land, network: g.label }),
  });
}

/** Why a group is not shown, in words (never with a count). */
export function hiddenReason(t: TFunction, g: PeerGroup, threshold: number): string {
  return g.reason === 'differencing' ? t('keyFigures.hiddenDifferencing') : t('keyFigures.hiddenTooFew', { threshold });
}
