import {
  STAFF_COUNCIL_DATE_FIELDS,
  STAFF_COUNCIL_LEGAL_NOTE,
  STAFF_COUNCIL_STATUS_LABELS,
  type StaffCouncilDateField,
  type StaffCouncilLevel,
  type StaffCouncilStatus,
} from '@dz/core';
import { deDate } from '../../lib/pdf.js';
import type { presentCheck } from './staff-council.service.js';

/**
 * What a decision paper version keeps of the staff council check: the result with its reasons and the procedure's
 * state with dates, as they were when the version was made (the PDF is a function of the stored version).
 */
export interface StaffCouncilPaper {
  made: boolean;
  level: StaffCouncilLevel;
  label: string;
  reasons: { text: string; basis: string; answer: 'yes' | 'unknown' }[];
  status: StaffCouncilStatus;
  dates: Record<StaffCouncilDateField, string | null>;
}

export function staffCouncilPaper(c: ReturnType<typeof presentCheck>): StaffCouncilPaper {
  return {
    made: c.version > 0,
    level: c.assessment.level,
    label: c.assessment.label,
    reasons: c.assessment.reasons.map(({ text, basis, answer }) => ({ text, basis, answer })),
    status: c.status,
    dates: { informedOn: c.informedOn, consultedOn: c.consultedOn, agreedOn: c.agreedOn, concludedOn: c.concludedOn },
  };
}

const STEP: Record<StaffCouncilDateField, string> = {
  informedOn: 'Information',
  consultedOn: 'Erörterung',
  agreedOn: 'Zustimmung',
  concludedOn: 'Dienstvereinbarung abgeschlossen',
};

/** The section „Beteiligung des Personalrats“ of the paper's PDF (papers made before the check have none). */
export function staffCouncilSection(s: StaffCouncilPaper | null | undefined): unknown[] {
  if (!s) return [];
  const heading = { text: 'Beteiligung des Personalrats', style: 'h2' };
  if (!s.made)
    return [
      heading,
      { text: 'Die Prüfung, ob und wie der Personalrat zu beteiligen ist, wurde noch nicht vorgenommen.' },
    ];
  const steps = STAFF_COUNCIL_DATE_FIELDS.filter((f) => s.dates[f]).map((f) => `${STEP[f]} am ${deDate(s.dates[f])}`);
  return [
    heading,
    { text: [{ text: 'Ergebnis der Prüfung: ', bold: true }, { text: `${s.label}.` }] },
    ...(s.reasons.length
      ? [
          {
            ul: s.reasons.map((r) => `${r.text} – ${r.answer === 'yes' ? 'ja' : 'noch offen'} (${r.basis})`),
            fontSize: 9,
          },
        ]
      : [{ text: 'Keine der Fragen der Prüfung wurde bejaht.', fontSize: 9 }]),
    {
      text: [
        { text: 'Stand des Verfahrens: ', bold: true },
        { text: `${STAFF_COUNCIL_STATUS_LABELS[s.status]}${steps.length ? ` (${steps.join('; ')})` : ''}.` },
      ],
      margin: [0, 4, 0, 0],
    },
    { text: STAFF_COUNCIL_LEGAL_NOTE, fontSize: 9, color: '#4a5260', margin: [0, 4, 0, 0] },
  ];
}
