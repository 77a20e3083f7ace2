import { type Answers, answerRows, painPointTemplate, sizeClassOf } from '@dz/core';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId, newSecret } from '../lib/ids.js';

/**
 * The method of the seed as demo content: the closed pre-survey of the innovation circle (answered by all
 * eight demo municipalities) and the special session of 10 June 2021 with its topics, the solutions
 * discussed (with dots), outcomes and follow-up actions — so a fresh installation shows results, a
 * presentation and a report right away.
 */
export async function seedDemoSurveyAndWorkshop(
  trx: Transaction<DB>,
  o: {
    networkId: string;
    moderatorId: string;
    municipalities: { id: string; population: number; landCode: string }[];
  },
) {
  const def = painPointTemplate();
  const surveyId = newId();
  await trx
    .insertInto('surveys')
    .values({
      id: surveyId,
      networkId: o.networkId,
      title: 'Vorab-Umfrage zur Sondersitzung „Big Picture Digitalisierung“',
      titleEn: 'Pre-survey for the special session “Big Picture Digitalisation”',
      intro: 'Schriftliche Umfrage an die Mitglieder des Innovationszirkels vor der Sondersitzung am 10. Juni 2021.',
      mode: 'municipality',
      status: 'closed',
      closedAt: '2021-06-05T08:00:00Z',
      opensOn: '2021-05-03',
      closesOn: '2021-06-04',
      definition: JSON.stringify(def),
      networkIds: JSON.stringify([]),
      secret: newSecret(),
      createdBy: o.moderatorId,
    })
    .execute();
  const texts = [
    'Für Digitalisierung gibt es nur eine halbe Stelle neben dem Tagesgeschäft.',
    'Uns fehlt Erfahrung mit Vergaben für Software.',
    'Die Mitarbeitenden sehen den Nutzen nicht, solange alles auf Papier funktioniert.',
    'Fördermittel sind kompliziert, die Folgekosten unklar.',
    'Ohne Strategie arbeiten wir Projekt für Projekt ab.',
    'Prozesse sind nirgends beschrieben.',
    'Der Rat fragt nach Kosten, die wir nicht beziffern können.',
    'Zu wenige Köpfe für zu viele OZG-Leistungen.',
  ];
  const order = ['personal', 'finanzen', 'wissen', 'veraenderung', 'strategie', 'prozesse'];
  for (const [i, m] of o.municipalities.entries()) {
    const v = (base: number) => Math.min(5, Math.max(1, base + ((i * 7 + base) % 3) - 1));
    const answers: Answers = {
      personal: v(5),
      finanzen: v(4),
      wissen: v(4),
      stunden: 8 + ((i * 5) % 20),
      bereitschaft: { fuehrung: v(4), mittlere: v(3), mitarbeitende: v(2) },
      kommunikation: v(3),
      kommunikationsstrategie: ['nein', 'teilweise', 'nein', 'ja'][i % 4] as string,
      strategie_stand: ['in_arbeit', 'nein', 'in_arbeit', 'beschlossen'][i % 4] as string,
      strategie: v(4),
      management: { prozess: v(4), projekt: v(4) },
      ikz_erfahrung: ['einzelne', 'keine', 'einzelne', 'regelmaessig'][i % 4] as string,
      ikz_interesse: v(4),
      ikz_raum: i % 2 ? ['kreis', 'kreisuebergreifend'] : ['kreisuebergreifend'],
      shared_services: [
        ['bauhof', 'it'],
        ['buergerbuero', 'datenschutz'],
        ['bauhof', 'vergabe'],
        ['it', 'datenschutz'],
      ][i % 4] as string[],
      rangfolge: [...order.slice(i % 2), ...order.slice(0, i % 2)],
      groesster: texts[i % texts.length] as string,
    };
    if ((answers.ikz_interesse as number) < 3) delete answers.ikz_raum;
    const responseId = newId();
    await trx
      .insertInto('surveyResponses')
      .values({
        id: responseId,
        surveyId,
        municipalityId: m.id,
        status: 'submitted',
        answers: JSON.stringify(answers),
        sizeClass: sizeClassOf(m.population),
        landCode: m.landCode,
        networkId: o.networkId,
        submittedAt: new Date('2021-06-01T10:00:00Z'),
      })
      .execute();
    await trx
      .insertInto('surveyAnswers')
      .values(answerRows(def, answers).map((r) => ({ ...r, responseId, surveyId })))
      .execute();
    await trx
      .insertInto('surveyTargets')
      .values({
        id: newId(),
        surveyId,
        municipalityId: m.id,
        networkId: o.networkId,
        status: 'submitted',
        invitedAt: new Date('2021-05-03T08:00:00Z'),
      })
      .execute();
  }
  // the rows above bypass the response service: the results' counts are built once from them (ADR 0008)
  await sql`SELECT survey_tallies_rebuild(${surveyId})`.execute(trx);

  const workshopId = newId();
  await trx
    .insertInto('workshops')
    .values({
      id: workshopId,
      networkId: o.networkId,
      surveyId,
      title: 'Sondersitzung „Big Picture Digitalisierung“',
      heldOn: '2021-06-10',
      place: 'Videokonferenz',
      leitfrage:
        'Was sind die Schmerzpunkte bei der Umsetzung von Digitalisierungsvorhaben in kleineren Kommunen (bis 25 000 Einwohnerinnen und Einwohner)?',
      joinCode: 'ZIRKEL',
      votesPerPerson: 3,
      status: 'done',
      createdBy: o.moderatorId,
    })
    .execute();
  await trx.insertInto('workshopModerators').values({ workshopId, userId: o.moderatorId }).execute();
  await trx
    .insertInto('workshopMunicipalities')
    .values(o.municipalities.map((m) => ({ workshopId, municipalityId: m.id })))
    .execute();
  const participants = o.municipalities.map((_, i) => ({
    id: newId(),
    workshopId,
    name: `Teilnehmende ${i + 1}`,
  }));
  await trx.insertInto('workshopParticipants').values(participants).execute();

  const agenda: {
    kind: 'impulse' | 'topic';
    title: string;
    description?: string;
    speaker?: string;
    section?: string;
    outcome?: string;
    ideas?: [string, number][];
  }[] = [
    {
      kind: 'impulse',
      title: 'Impuls: Digitalisierung in kleineren Kommunen',
      description:
        'Digitalisierung kann auch in kleineren Kommunen nur mit einem klar an Bedarfen orientierten Zielbild wirkungsvoll gestaltet werden.',
      speaker: 'Impulsvortrag',
    },
    {
      kind: 'topic',
      title: 'Fehlende personelle und finanzielle Ressourcen',
      section: 'ressourcen',
      outcome:
        'Interkommunale Zusammenarbeit, auch kreisübergreifend, bündelt Ressourcen, lässt voneinander lernen und trägt Leuchtturmprojekte in die Breite. Finanzielle Risiken transparent machen und die Politik für die Kosten sensibilisieren.',
      ideas: [
        ['Interkommunale Zusammenarbeit, auch kreisübergreifend', 7],
        ['Finanzielle Risiken transparent machen, Rat zu Kosten sensibilisieren', 5],
        ['Leuchtturmprojekte anderer Kommunen nachnutzen', 4],
      ],
    },
    {
      kind: 'topic',
      title: 'Geringe Veränderungsbereitschaft',
      section: 'veraenderung',
      outcome:
        'Erfolgsfaktor ist eine stringente Kommunikationsstrategie, die alle Mitarbeitenden einbezieht und Meilensteine und Erfolge zeigt; digitale Denkweisen fördern.',
      ideas: [
        ['Kommunikationsstrategie mit Fokus auf Meilensteine und Erfolge', 6],
        ['Digitale Denkweisen fördern: bekannte Arbeitsweisen hinterfragen', 4],
      ],
    },
    { kind: 'topic', title: 'Kommunikation', section: 'kommunikation' },
    { kind: 'topic', title: 'Digitalisierungsstrategie und Zielbild', section: 'strategie' },
    {
      kind: 'topic',
      title: 'Vorgehensweise: Prozess- und Projektmanagement',
      section: 'vorgehen',
      outcome:
        'Shared-Service-Prinzip prüfen, z. B. Bauhöfe mit gemeinsamem kaufmännischem Management oder kommunenübergreifend gebündelte Backoffice-Tätigkeiten im Bürgerbüro.',
      ideas: [
        ['Shared Service: Bauhöfe mit gemeinsamem kaufmännischem Management', 6],
        ['Backoffice des Bürgerbüros kommunenübergreifend bündeln', 5],
        ['Prozesse gemeinsam modellieren', 3],
      ],
    },
    { kind: 'topic', title: 'Interkommunale Zusammenarbeit', section: 'zusammenarbeit' },
    { kind: 'topic', title: 'Ihr größter Schmerzpunkt', section: 'schmerzpunkt' },
  ];
  const itemIds: string[] = [];
  for (const [pos, a] of agenda.entries()) {
    const itemId = newId();
    itemIds.push(itemId);
    await trx
      .insertInto('workshopItems')
      .values({
        id: itemId,
        workshopId,
        position: pos + 1,
        kind: a.kind,
        title: a.title,
        description: a.description ?? '',
        speaker: a.speaker ?? '',
        surveySectionId: a.section ?? null,
        outcome: a.outcome ?? '',
      })
      .execute();
    // dots: each participant spends up to three per topic, spread over the ideas
    let voter = 0;
    for (const [text, dots] of a.ideas ?? []) {
      const ideaId = newId();
      await trx.insertInto('workshopIdeas').values({ id: ideaId, workshopId, itemId, text }).execute();
      const votes = Array.from({ length: dots }, () => ({
        id: newId(),
        ideaId,
        itemId,
        participantId: (participants[voter++ % participants.length] as { id: string }).id,
      }));
      if (votes.length) await trx.insertInto('workshopVotes').values(votes).execute();
    }
  }
  await trx
    .insertInto('workshopActions')
    .values([
      {
        id: newId(),
        workshopId,
        itemId: itemIds[1] ?? null,
        what: 'Partnerkommunen für eine gemeinsame Digitalisierungsstelle finden, auch kreisübergreifend',
        who: 'Moderation Innovationszirkel',
        dueOn: '2021-09-30',
      },
      {
        id: newId(),
        workshopId,
        itemId: itemIds[5] ?? null,
        what: 'Kandidaten für Shared Services sammeln (Bauhof, Backoffice Bürgerbüro)',
        who: 'Alle teilnehmenden Kommunen',
        dueOn: '2021-10-31',
      },
      {
        id: newId(),
        workshopId,
        itemId: itemIds[4] ?? null,
        what: 'Austausch zu Digitalisierungsstrategie und Prozessdenken in der nächsten Sitzung vertiefen',
        who: 'Moderation Innovationszirkel',
        dueOn: '2021-11-15',
      },
    ])
    .execute();
}
