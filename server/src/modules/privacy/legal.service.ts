import { type LegalPage, type LegalPageInput, type LegalPageView, legalPlaceholders } from '@dz/core';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import { renderMarkdown } from '../../lib/markdown.js';
import type { Scope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { LEGAL_DEFAULTS } from './legal-defaults.js';

/**
 * A legal page as everyone reads it (no sign-in): the operator's text, or the default until they edit it. Single
 * line breaks stay (an address is written line by line); it counts as the sample while placeholders are left.
 */
export async function getLegalPage(deps: Deps, scope: Scope | null, page: LegalPage): Promise<LegalPageView> {
  const row = await deps.db.selectFrom('legalPages').selectAll().where('page', '=', page).executeTakeFirst();
  const markdown = row?.markdown ?? LEGAL_DEFAULTS[page];
  const placeholders = legalPlaceholders(markdown);
  return {
    page,
    markdown,
    html: renderMarkdown(markdown, { breaks: true }),
    version: row?.version ?? 0,
    updatedAt: row ? iso(row.updatedAt) : null,
    isDefault: !row,
    placeholders,
    isSample: !row || placeholders.length > 0,
    can: scope ? presentCan(scope, 'legal') : { edit: false },
  };
}

/** The operator saves a page (version 0 replaces the default); 409 on a stale version. */
export async function saveLegalPage(deps: Deps, scope: Scope, page: LegalPage, input: LegalPageInput) {
  authorize(scope, 'legal', 'edit');
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom('legalPages').selectAll().where('page', '=', page).forUpdate().executeTakeFirst();
    assertVersion({ version: cur?.version ?? 0 }, input.version);
    if (cur) {
      await trx
        .updateTable('legalPages')
        .set({ markdown: input.markdown, version: cur.version + 1, updatedBy: scope.user.id, updatedAt: new Date() })
        .where('page', '=', page)
        .execute();
    } else {
      const inserted = await trx
        .insertInto('legalPages')
        .values({ page, markdown: input.markdown, updatedBy: scope.user.id })
        .onConflict((oc) => oc.doNothing())
        .returning('page')
        .executeTakeFirst();
      // someone else saved the first version a moment ago
      if (!inserted) assertVersion({ version: 1 }, input.version);
    }
    await writeAudit(trx, scope, { action: 'update', entity: 'legal_page', entityId: page, municipalityId: null });
  });
  return getLegalPage(deps, scope, page);
}
