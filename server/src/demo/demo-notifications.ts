import type { MunicipalityRole } from '@dz/core';
import type { Database } from '../db/database.js';
import type { Deps } from '../lib/deps.js';
import type { TenantScope } from '../lib/scope.js';
import { addPost } from '../modules/exchange/entry.service.js';
import { sendContactRequest } from '../modules/exchange/partners.service.js';
import { markRead } from '../modules/notifications/notifications.service.js';
import { addComment } from '../modules/projects/project-items.service.js';

/**
 * Plön's coordinator finds notifications on a fresh start, written by the services a user's action calls (so
 * each is exactly what that action leaves): mentions in project comments by the head of the main office, questions
 * of other circle members on Plön's exchange entries and a contact request. The older two are read. No mail goes
 * out for them (the demo's people have no mailbox): the outbox here drops what it is given.
 */
export async function seedDemoNotifications(
  db: Database,
  o: { email: (local: string) => string; networkId: string; coordinatorId: string },
) {
  const deps = {
    db,
    config: { publicUrl: 'http://localhost:3000' },
    outbox: { queue: async () => undefined },
  } as unknown as Deps;
  const scopeOf = async (local: string, role: MunicipalityRole): Promise<TenantScope> => {
    const u = await db
      .selectFrom('users as u')
      .innerJoin('memberships as m', 'm.userId', 'u.id')
      .select(['u.id', 'u.email', 'u.name', 'm.municipalityId'])
      .where('u.email', '=', o.email(local))
      .executeTakeFirstOrThrow();
    return {
      sessionId: 'demo',
      csrfToken: 'demo',
      lastSeenAt: new Date(),
      user: { id: u.id, email: u.email, name: u.name, locale: 'de', isPlatformAdmin: false },
      municipalityId: u.municipalityId,
      roles: [role],
      networkIds: [o.networkId],
      moderatedNetworkIds: [],
    };
  };
  const hauptamt = await scopeOf('hauptamt.ploen', 'admin');
  const ploen = await scopeOf('ploen', 'coordinator');
  const project = async (title: string) =>
    (
      await db
        .selectFrom('projects')
        .select('id')
        .where('municipalityId', '=', hauptamt.municipalityId)
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).id;
  const entry = async (title: string) =>
    (
      await db
        .selectFrom('publications')
        .select('id')
        .where('municipalityId', '=', hauptamt.municipalityId)
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).id;
  const coordinator = ploen.user.name;

  // read already: last week's question about the homepage and a mention on the building yard's planning
  await addPost(deps, await scopeOf('loitz', 'coordinator'), await entry('Neue barrierefreie Homepage'), {
    body: 'Wie viele Stunden pro Woche braucht Ihre Redaktion für die Pflege der Seiten?',
    parentId: null,
  });
  await addComment(deps, hauptamt, await project('Digitale Einsatzplanung Bauhof'), {
    body: `@${coordinator} Der Bauhof hat die Tablets getestet – die Rückmeldungen liegen im Projektordner.`,
  });
  const read = await db.selectFrom('notifications').select('id').where('userId', '=', o.coordinatorId).execute();
  await markRead(deps, ploen, { ids: read.map((r) => r.id) });

  // unread: a mention, a question about the lighthouse project, a contact request
  await addComment(deps, hauptamt, await project('E-Rechnung und digitaler Rechnungsworkflow'), {
    body: `@${coordinator} Können Sie die Datenschutz-Folgenabschätzung bis Monatsende mit der Kämmerei abstimmen?`,
  });
  await addPost(deps, await scopeOf('uslar', 'coordinator'), await entry('Online-Terminvergabe im Bürgerbüro'), {
    body: 'Wie haben Sie die Schnittstelle zum Einwohnermeldeverfahren beauftragt – über den Hersteller oder den IT-Dienstleister?',
    parentId: null,
  });
  await sendContactRequest(deps, await scopeOf('nieheim', 'coordinator'), {
    toMunicipalityId: ploen.municipalityId,
    about: 'Online-Terminvergabe',
    message: 'Guten Tag, wir planen ebenfalls eine Terminvergabe und würden gern von Ihren Erfahrungen hören.',
  });
}
