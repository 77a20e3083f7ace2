import fs from 'node:fs';
import { fmtDate } from '@dz/core';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiIn } from './support/api';
import { baseUrl, expectAccessible, launch, loginAs, newPage } from './support/browser';
import { pdfText } from './support/pdf';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

type Assessment = {
  id: string;
  status: string;
  answers: { criterionKey: string; level: number | null; version: number }[];
};

/**
 * A peer further ahead that agreed to be asked: Uslar completes a self-assessment on level 5 throughout (through the
 * API; the demo data may bring its own) and lets other municipalities see it as a contact.
 */
async function contactablePeer(page: Page) {
  await loginAs(page, 'uslar@digitalzirkel.example');
  const overview = await apiIn<{
    assessments: { id: string; status: string }[];
    settings: { contactable: boolean; version: number };
  }>(page, 'GET', '/maturity');
  if (!overview.assessments.some((a) => a.status === 'completed')) {
    const draftId =
      overview.assessments.find((a) => a.status === 'draft')?.id ??
      (await apiIn<Assessment>(page, 'POST', '/maturity/assessments', {})).id;
    const draft = await apiIn<Assessment>(page, 'GET', `/maturity/assessments/${draftId}`);
    for (const a of draft.answers.filter((x) => !x.criterionKey.startsWith('net:')))
      await apiIn(page, 'PUT', `/maturity/assessments/${draftId}/answers/${a.criterionKey}`, {
        level: 5,
        evidenceUrl: '',
        evidenceNote: '',
        version: a.version,
      });
    const done = await apiIn<Assessment>(page, 'POST', `/maturity/assessments/${draftId}/complete`, {});
    expect(done.status).toBe('completed');
  }
  if (!overview.settings.contactable)
    await apiIn(page, 'PUT', '/maturity/settings', { contactable: true, version: overview.settings.version });
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The criteria of the draft as the page shows them: one radio group (fieldset) each. */
const criteria = (page: Page) => page.locator('.criterion fieldset');

/** Chooses a level in a criterion's radio cards and waits for the live region to report it saved. */
async function choose(page: Page, group: Locator, level: number) {
  const name = ((await group.locator('legend').textContent()) ?? '').replace('überschrieben', '').trim();
  await group.getByRole('radio', { name: new RegExp(`^Stufe ${level} `) }).check();
  await page
    .getByRole('status')
    .filter({ hasText: `Gespeichert: ${name} – Stufe ${level}` })
    .waitFor();
  return name;
}

/** The circle's moderation adds a criterion of its own to "Interkommunale Zusammenarbeit" (once). */
async function networkCriterion(page: Page) {
  await loginAs(page, 'moderation@digitalzirkel.example');
  const session = await apiIn<{ networks: { id: string; name: string }[] }>(page, 'GET', '/auth/session');
  const network = session.networks.find((n) => n.name === 'Innovationszirkel Kleine Kommunen')!;
  const current = await apiIn<{ criteria: { name: string }[] }>(page, 'GET', `/maturity/networks/${network.id}`);
  if (!current.criteria.some((c) => c.name === NETWORK_CRITERION))
    await apiIn(page, 'POST', `/maturity/networks/${network.id}/criteria`, {
      dimensionKey: 'cooperation',
      name: NETWORK_CRITERION,
      levels: [
        'Jede Kommune beschafft für sich.',
        'Gelegentlich werden Angebote gemeinsam eingeholt.',
        'Rahmenverträge des Zirkels werden genutzt.',
        'Eine gemeinsame Vergabestelle beschafft für alle.',
        'Die Beschaffung im Zirkel wird mit Kennzahlen gesteuert.',
      ],
    });
  await page.context().close();
}
const NETWORK_CRITERION = 'Gemeinsame Beschaffung im Zirkel';

describe('maturity journey', () => {
  it('self-assessment with pre-filled answers → evidence → complete → radar → recommendation → contact request → council PDF', async () => {
    await networkCriterion(await newPage(browser));
    const peer = await newPage(browser);
    await contactablePeer(peer);

    const page = await newPage(browser);
    await loginAs(page, 'ebersberg@digitalzirkel.example');
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Reifegrad', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Reifegrad' }).waitFor();
    const begin = page.getByRole('button', { name: 'Selbsteinschätzung beginnen' });
    const resume = page.getByRole('link', { name: 'Selbsteinschätzung fortsetzen' });
    await begin.or(resume).waitFor();
    await expectAccessible(page, 'Reifegrad (vor der Einschätzung)');

    // a new draft, pre-filled from what the platform knows about Ebersberg (or the demo's draft, if it has one)
    await ((await begin.count()) ? begin : resume).click();
    await page.getByRole('heading', { level: 1, name: /^Selbsteinschätzung \(Entwurf vom / }).waitFor();
    const progress = page.getByText(/\d+ von 36 Kriterien beantwortet, \d+ aus den Daten der Plattform vorbelegt/);
    const prefilled = Number((await progress.textContent())?.match(/(\d+) aus den Daten der Plattform/)?.[1]);
    expect(prefilled, 'answers pre-filled from the platform').toBeGreaterThan(0);
    const suggested = criteria(page).filter({ hasText: 'Vorschlag aus der Plattform:' });
    expect(await suggested.count()).toBe(prefilled);
    await expectAccessible(page, 'Selbsteinschätzung (Entwurf)');

    // one suggestion overridden: another level, "überschrieben", and the suggestion can be taken again
    const first = suggested.first();
    const proposal = Number(
      (await first.locator('.prefill').textContent())?.match(/Vorschlag aus der Plattform: Stufe (\d)/)?.[1],
    );
    const current = Number((await first.locator('input[type="radio"]:checked').getAttribute('value')) ?? 0);
    const other = [1, 2, 3, 4, 5].find((l) => l !== proposal && l !== current)!;
    const name = await choose(page, first, other);
    const group = page.getByRole('group', { name: new RegExp(`^${escaped(name)}`) });
    await group.getByText('überschrieben').waitFor();
    await group.getByRole('button', { name: `Vorschlag übernehmen: ${name}` }).waitFor();

    // evidence: an address that is neither the platform's nor the web's is refused in words, then a platform link
    const criterion = page.locator('.criterion', { has: group });
    await criterion.getByText('Nachweis hinzufügen').click();
    await criterion.getByLabel('Link in die Plattform oder Adresse eines Dokuments').fill('zielbild');
    await criterion.getByRole('button', { name: 'Nachweis speichern' }).click();
    await criterion.getByText('Bitte eine Adresse der Plattform (beginnt mit /)').waitFor();
    await criterion.getByLabel('Link in die Plattform oder Adresse eines Dokuments').fill('/zielbild');
    await criterion.getByLabel('Notiz zum Nachweis').fill('Beschluss des Gemeinderats vom 12. März 2026');
    await criterion.getByRole('button', { name: 'Nachweis speichern' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Nachweis gespeichert: ${name}` })
      .waitFor();
    await expect.poll(() => criterion.getByRole('link', { name: `Nachweis öffnen – ${name}` }).count()).toBe(1);
    await expectAccessible(page, 'Selbsteinschätzung mit Nachweis');

    // the circle's own criterion stands under its dimension, answered like the others but not counted in the level
    const cooperation = page.getByRole('region', { name: 'Interkommunale Zusammenarbeit' });
    await cooperation.getByText('Diese Kriterien hat Ihr Verbund ergänzt.', { exact: false }).waitFor();
    const own = cooperation.getByRole('group', { name: new RegExp(`^${NETWORK_CRITERION}`) });
    await own.getByText('Kriterium des Verbunds Innovationszirkel Kleine Kommunen').waitFor();
    await choose(page, own, 3);

    // the coordinator answers what the platform could not know (Stufe 2), until every dimension has a level
    const open = page.locator('section.panel').filter({ has: page.getByText('Stand: noch offen') });
    while ((await open.count()) > 0) {
      const unanswered = open
        .first()
        .locator('.criterion fieldset')
        .filter({ hasNot: page.locator('input[type="radio"]:checked') });
      await choose(page, unanswered.first(), 2);
    }
    expect(await page.getByText('Stand: noch offen').count()).toBe(0);

    // complete (asked first): read-only from then on
    await page.getByRole('button', { name: 'Abschließen', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Selbsteinschätzung abschließen?' }).waitFor();
    await expectAccessible(page, 'Abschließen (Rückfrage)');
    await page.getByRole('button', { name: 'Jetzt abschließen' }).click();
    // straight to the result: the overview says so
    await page.getByRole('heading', { level: 1, name: 'Reifegrad' }).waitFor();
    await page.getByText('Die Selbsteinschätzung ist abgeschlossen.').waitFor();
    // the completed assessment, read-only, from the history
    // (the history is current when the page shows: the first completed assessment is today's, not last year's)
    const history = page.getByRole('region', { name: 'Bisherige Einschätzungen' }).first();
    const latest = history.getByRole('link', { name: /^Einschätzung vom / }).first();
    expect(await latest.textContent()).toBe(`Einschätzung vom ${fmtDate(new Date().toISOString())}`);
    await latest.click();
    await page.getByRole('heading', { level: 1, name: /^Selbsteinschätzung vom / }).waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
    await page.getByText('Beschluss des Gemeinderats vom 12. März 2026').waitFor();
    await expectAccessible(page, 'Selbsteinschätzung (abgeschlossen)');

    // the overview: the radar of the completed assessment with its table, the history
    await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reifegrad' }).waitFor();
    const radar = page.getByRole('figure', { name: 'Reifegrad je Dimension (Stufe 1 bis 5)' });
    await radar.locator('.chart svg').first().waitFor();
    await radar.getByRole('rowheader', { name: /Strategie und Zielbild/ }).waitFor();
    await page
      .getByRole('region', { name: 'Bisherige Einschätzungen' })
      .first()
      .getByText('abgeschlossen')
      .first()
      .waitFor();

    // recommendations for the weakest dimensions, with a peer further ahead that may be asked
    const recommendations = page.getByRole('region', { name: 'Empfehlungen' });
    await recommendations.getByRole('heading', { level: 3 }).first().waitFor();
    expect(await recommendations.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'Reifegrad mit Netzdiagramm und Empfehlungen');
    const ask = recommendations.getByRole('button', { name: /^Kontakt anfragen: Uslar/ }).first();
    await ask.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ihre Nachricht').fill('Hallo');
    await dialog.getByRole('button', { name: 'Anfrage senden' }).click();
    await dialog.getByText('Bitte geben Sie mindestens 10 Zeichen ein.').first().waitFor();
    await expectAccessible(page, 'Kontakt anfragen (Dialog)');
    await dialog
      .getByLabel('Ihre Nachricht')
      .fill('Guten Tag, wie haben Sie Ihre Beschäftigten bei der Einführung der E-Akte mitgenommen?');
    await dialog.getByRole('button', { name: 'Anfrage senden' }).click();
    await page.getByText(/Ihre Anfrage an Uslar.* ist gesendet/).waitFor();
    await recommendations.getByText('Anfrage gesendet').first().waitFor();
    expect(await recommendations.getByRole('button', { name: /^Kontakt anfragen: Uslar/ }).count()).toBe(0);

    // Uslar accepts: the recommendation says so and leads to the contact details
    const incoming = await apiIn<{ incoming: { id: string; municipality: string; about: string }[] }>(
      peer,
      'GET',
      '/contact-requests',
    );
    const request = incoming.incoming.find((r) => r.municipality.startsWith('Ebersberg'))!;
    expect(request.about).toMatch(/^Reifegrad: /);
    await apiIn(peer, 'POST', `/contact-requests/${request.id}/answer`, { accept: true });
    await page.reload();
    await recommendations.getByText('Anfrage angenommen').first().waitFor();
    await recommendations.getByRole('link', { name: 'Kontaktdaten ansehen' }).first().waitFor();

    // the council's PDF: a real PDF with text
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Bericht für den Rat (PDF)' }).click(),
    ]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Ebersberg');
    expect(text).toContain('Strategie und Zielbild');

    // what the levels mean, for everyone (read-only)
    await page.getByRole('link', { name: 'Was bedeuten die Stufen? (Reifegradmodell)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reifegradmodell' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Was bedeuten die Stufen?' }).waitFor();
    expect(await page.getByRole('button', { name: 'Neue Version bearbeiten' }).count()).toBe(0);
    await page.getByText('Zielbild Digitalisierung').click();
    await page
      .getByText(/Stufe 3 · Festgelegt:/)
      .first()
      .waitFor();
    await expectAccessible(page, 'Reifegradmodell (lesend)');
    await page.context().close();
    await peer.context().close();
  });

  it('the platform administration publishes a new model version with an added criterion', async () => {
    const page = await newPage(browser);
    await loginAs(page, 'admin@digitalzirkel.example');
    await page.goto(`${baseUrl()}/reifegrad/modell`);
    await page.getByRole('heading', { level: 1, name: 'Reifegradmodell' }).waitFor();
    const before = (await page.getByText(/^Aktuelle Version /).textContent()) ?? '';
    await page.getByRole('button', { name: 'Neue Version bearbeiten' }).click();
    await page.getByRole('button', { name: 'Kriterium hinzufügen: Strategie und Zielbild' }).click();
    const added = page.locator('details.model-criterion[open]').filter({ hasText: 'neu' });
    await added.getByLabel('Name des Kriteriums').fill('Digitale Beteiligung der Bürgerschaft');
    expect(await added.getByLabel('Kurzname').inputValue()).toBe('digitale_beteiligung_der_buergerschaft');
    // a version without a note and level texts is refused with the fields named
    await page.getByRole('button', { name: 'Neue Version veröffentlichen' }).click();
    await page.getByRole('link', { name: /^Digitale Beteiligung der Bürgerschaft – Stufe 1 · Anfang: / }).waitFor();
    await expectAccessible(page, 'Modell-Editor mit Fehlern');
    const texts = [
      'Niemand fragt die Bürgerschaft digital.',
      'Einzelne Online-Umfragen zu Vorhaben.',
      'Beteiligung online ist für größere Vorhaben festgelegt.',
      'Beteiligung wird ausgewertet und im Rat berichtet.',
      'Die Bürgerschaft gestaltet Vorhaben laufend online mit.',
    ];
    for (const [i, text] of texts.entries()) await added.getByLabel(new RegExp(`^Stufe ${i + 1} · `)).fill(text);
    await page.getByLabel(/^Was ändert sich mit dieser Version\?/).fill('Neues Kriterium zur digitalen Beteiligung');
    await page.getByRole('button', { name: 'Neue Version veröffentlichen' }).click();
    await page.getByText(/^Version [\d.]+ ist veröffentlicht\./).waitFor();
    expect(await page.getByText(/^Aktuelle Version /).textContent()).not.toBe(before);
    await page
      .getByRole('region', { name: 'Versionen' })
      .first()
      .getByText('Neues Kriterium zur digitalen Beteiligung')
      .waitFor();
    await page.getByText('Digitale Beteiligung der Bürgerschaft').waitFor();
    await expectAccessible(page, 'Reifegradmodell (neue Version)');
    await page.context().close();
  });
});
