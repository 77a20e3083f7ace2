import { AppError, PAIN_POINT_TEMPLATE_LEITFRAGE, painPointTemplate, type SurveyDefinition } from '@dz/core';
import type { Deps } from '../../lib/deps.js';
import type { Scope } from '../../lib/scope.js';
import { networksRepository } from '../networks/networks.repository.js';
import { audience } from '../surveys/distribution.service.js';
import { todayIso } from '../surveys/surveys.access.js';
import { requireManager } from '../surveys/surveys.service.js';
import { createWorkshop } from './workshops.service.js';

/** Two weeks after today or after the survey's end, whichever is later: time to prepare the results. */
export function defaultWorkshopDate(today: string, closesOn: string | null): string {
  const from = closesOn && closesOn > today ? closesOn : today;
  const d = new Date(`${from}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 14);
  return d.toISOString().slice(0, 10);
}

/** A definition built from the pain-point template (its sections unchanged) keeps the template's guiding question. */
function fromTemplate(def: SurveyDefinition): boolean {
  const ids = (d: SurveyDefinition) => d.sections.map((s) => s.id).join(',');
  return ids(def) === ids(painPointTemplate());
}

/**
 * "Workshop aus dieser Umfrage": a workshop of the survey's network, prefilled from the survey — its title,
 * the network's current member municipalities, the template's guiding question where it fits, and an
 * agenda of an impulse presenting the results followed by one topic per survey section (the slides show
 * that section's results). Only the survey's managers (the network's moderators) may do this.
 */
export async function createWorkshopFromSurvey(deps: Deps, scope: Scope, surveyId: string) {
  const s = await requireManager(deps, scope, surveyId);
  if (!s.networkId)
    throw new AppError(
      'conflict',
      'Workshops gehören zu einem Verbund; eine interne Umfrage hat keinen. Legen Sie den Workshop im Verbund an.',
    );
  const today = todayIso();
  const members = await networksRepository.currentMembers(deps.db, [s.networkId], today);
  const reach = await audience(deps, scope, surveyId);
  const impulse = {
    title: 'Ergebnisse der Umfrage',
    description: reach.sent
      ? `Was die Umfrage „${s.title}“ ergeben hat (Antworten: ${reach.submitted} von ${reach.invitees}).`
      : `Was die Umfrage „${s.title}“ ergeben hat.`,
  };
  return createWorkshop(
    deps,
    scope,
    {
      networkId: s.networkId,
      surveyId,
      title: `Workshop: ${s.title}`.slice(0, 200),
      heldOn: defaultWorkshopDate(today, s.closesOn),
      place: '',
      videoUrl: '',
      leitfrage: fromTemplate(s.definition) ? PAIN_POINT_TEMPLATE_LEITFRAGE : '',
      votesPerPerson: 3,
      municipalityIds: [...new Set(members.map((m) => m.municipalityId))],
    },
    impulse,
  );
}
