import type { PlatformStepKey } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Checklist, type ChecklistItem } from '../../components/Checklist';
import { type Column, DataTable } from '../../components/DataTable';
import { Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fmtDate, fmtNumber } from '../../lib/format';
import { type PlatformStart, platformStartQuery } from './queries';

const ACTIONS: Record<PlatformStepKey, string> = {
  import: '/import',
  invite: '/kommunen',
  network: '/verbuende',
  moderator: '/verbuende',
  legal: '/plattform/rechtstexte',
};

/**
 * Start page of the platform administration (no municipality of its own): the next steps after an empty start —
 * import the directory, invite the first municipalities, create a network and give it a moderator — each ticking
 * itself from the platform's data, and where onboarding stands. No municipal monitoring cards here.
 */
export function PlatformStartPage() {
  const { t } = useTranslation();
  const q = useQuery(platformStartQuery);
  if (!q.data)
    return (
      <Page title={t('platformStart.title')}>
        <Pending query={q} />
      </Page>
    );
  const { counts: c, steps } = q.data;
  const detail: Record<PlatformStepKey, string> = {
    import: [
      t('platformStart.import.count', { count: c.municipalities, n: fmtNumber(c.municipalities) }),
      q.data.lastImportAt ? t('platformStart.import.last', { date: fmtDate(q.data.lastImportAt) }) : '',
    ]
      .filter(Boolean)
      .join(' · '),
    invite: `${t('platformStart.invite.active', { count: c.activeMunicipalities, n: fmtNumber(c.activeMunicipalities) })} · ${t('platformStart.invite.open', { count: c.openInvitations })}`,
    network: t('platformStart.network.count', { count: c.networks }),
    moderator: t('platformStart.moderator.count', { count: c.networks, moderated: c.moderatedNetworks }),
    legal: c.sampleLegalPages
      ? t('platformStart.legal.open', { count: c.sampleLegalPages })
      : t('platformStart.legal.done'),
  };
  const invitationColumns: Column<PlatformStart['invitations'][number]>[] = [
    { header: t('platformStart.municipality'), cell: (i) => i.municipality },
    { header: t('login.email'), cell: (i) => i.email },
    { header: t('platformStart.role'), cell: (i) => t(`roles.${i.role}`) },
    { header: t('platformStart.validUntil'), cell: (i) => fmtDate(i.expiresAt) },
  ];
  const items: ChecklistItem[] = steps.map((s) => ({
    key: s.key,
    done: s.done,
    title: t(`platformStart.${s.key}.title`),
    hint: t(`platformStart.${s.key}.hint`),
    detail: detail[s.key],
    action: { to: ACTIONS[s.key], label: t(`platformStart.${s.key}.action`) },
  }));
  return (
    <Page title={t('platformStart.title')}>
      <p>{t('platformStart.intro')}</p>
      <Panel title={t('platformStart.nextSteps')} id="h-platform-steps" className="steps">
        <Checklist id="platform-steps" items={items} />
      </Panel>
      <section aria-labelledby="h-platform-figures">
        <h2 id="h-platform-figures">{t('platformStart.figures')}</h2>
        <div className="card-grid">
          <section className="card" aria-labelledby="c-p-dir">
            <h3 id="c-p-dir">{t('platformStart.directory')}</h3>
            <p className="figure">{fmtNumber(c.municipalities)}</p>
            <Link to="/kommunen">{t('platformStart.toDirectory')}</Link>
          </section>
          <section className="card" aria-labelledby="c-p-active">
            <h3 id="c-p-active">{t('platformStart.activeMunicipalities')}</h3>
            <p className="figure">{fmtNumber(c.activeMunicipalities)}</p>
          </section>
          <section className="card" aria-labelledby="c-p-inv">
            <h3 id="c-p-inv">{t('platformStart.openInvitations')}</h3>
            <p className="figure">{fmtNumber(c.openInvitations)}</p>
          </section>
          <section className="card" aria-labelledby="c-p-net">
            <h3 id="c-p-net">{t('platformStart.networks')}</h3>
            <p className="figure">{fmtNumber(c.networks)}</p>
            <Link to="/verbuende">{t('platformStart.toNetworks')}</Link>
          </section>
        </div>
      </section>
      <section aria-labelledby="h-platform-invitations">
        <h2 id="h-platform-invitations">{t('platformStart.invitationsTitle')}</h2>
        <DataTable
          label={t('platformStart.invitationsTitle')}
          rows={q.data.invitations}
          rowKey={(i) => i.id}
          empty={t('platformStart.noInvitations')}
          columns={invitationColumns}
        />
      </section>
    </Page>
  );
}
