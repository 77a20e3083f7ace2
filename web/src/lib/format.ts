/**
 * German number, date and euro formats (DESIGN.md): the one implementation in core, shared with the server's
 * PDFs and exports; re-exported here so pages import their formatters from one place.
 */
import { fmtPeriod } from '@dz/core/domain';
import type { TFunction } from 'i18next';

export {
  centsToInput,
  fmtDate,
  fmtDateTime,
  fmtDecimal,
  fmtEuro,
  fmtEuroThousands,
  fmtNumber,
  fmtPercent,
  fmtPeriod,
  inputToCents,
  numberToInput,
  parseGermanNumber,
} from '@dz/core/domain';

/** A period of two optional ISO dates in the UI's words: "01.06.2026 – 31.07.2026", "ab …", "bis …", "nicht festgelegt". */
export const periodText = (t: TFunction, from: string | null | undefined, to: string | null | undefined) =>
  fmtPeriod(from, to, {
    open: t('common.periodOpen'),
    from: (date) => t('common.periodFrom', { date }),
    until: (date) => t('common.periodUntil', { date }),
  });

export const todayIso = () => new Date().toISOString().slice(0, 10);
