/**
 * German number, date and euro formats (DESIGN.md): the one implementation in core, shared with the server's
 * PDFs and exports; re-exported here so pages import their formatters from one place.
 */
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

export const todayIso = () => new Date().toISOString().slice(0, 10);
