import type { TFunction } from 'i18next';

/** The five levels of the model (1 Anfang … 5 Optimierend). */
export const LEVELS = [1, 2, 3, 4, 5] as const;

/** "Stufe 3 · Festgelegt" (or "noch offen" for a level not reached yet). */
export function levelText(t: TFunction, level: number | null | undefined): string {
  if (level === null || level === undefined) return t('maturity.levelOpen');
  return t('maturity.levelLabel', { level, name: t(`maturity.levels.${level}`) });
}

/** "3 · Festgelegt" (where the column already says "Stufe"). */
export const levelShort = (t: TFunction, level: number) => `${level} · ${t(`maturity.levels.${level}`)}`;

/** The date an assessment stands for: completed on, else started on. */
export const assessmentDate = (a: { createdAt: string; completedAt: string | null }) => a.completedAt ?? a.createdAt;
