import { OZG_LEVELS } from '@dz/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** "3 – Online-Dienst (OZG-konform)": an OZG maturity level with its name. */
export const ozgLevelLabel = (t: TFunction, level: number) => `${level} – ${t(`processes.ozgLevels.${level}`)}`;

/** "2 → 3", read out as "heute 2, Ziel 3". */
export function OzgStep({ level, target }: { level: number; target: number }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">
        {level} → {target}
      </span>
      <span className="visually-hidden">{t('processes.ozgStep', { level, target })}</span>
    </>
  );
}

/** The OZG maturity levels explained under a table: "0 offline · 1 Information · …". */
export function OzgLegend() {
  const { t } = useTranslation();
  return (
    <p className="muted">
      {t('processes.ozgLegend')} {OZG_LEVELS.map((l) => `${l} ${t(`processes.ozgLevels.${l}`)}`).join(' · ')}
    </p>
  );
}
