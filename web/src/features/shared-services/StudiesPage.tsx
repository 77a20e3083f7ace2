import { studyCreate } from '@dz/core';
import { SERVICE_CATALOGUE } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/Field';
import { Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fieldMessages } from '../../lib/errors';
import { fmtDate } from '../../lib/format';
import { validate } from '../../lib/validate';
import { MunicipalityPicker } from '../directory/MunicipalityPicker';
import { catalogueQuery, type StudyList, studiesQuery, useCreateStudy } from './queries';

export function StudiesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const q = useQuery(studiesQuery());
  const columns: Column<StudyList['items'][number]>[] = [
    { header: t('studies.name'), cell: (s) => <Link to={`/gemeinsame-dienste/${s.id}`}>{s.title}</Link> },
    { header: t('studies.service'), cell: (s) => s.serviceName },
    { header: t('studies.lead'), cell: (s) => s.lead },
    { header: t('studies.partners'), cell: (s) => s.partners },
    { header: t('studies.myStatus'), cell: (s) => t(`studies.partnerStatuses.${s.myStatus}`) },
    { header: t('studies.updated'), cell: (s) => fmtDate(s.updatedAt) },
  ];
  return (
    <Page
      title={t('studies.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      actions={
        session.can.manage_exchange ? (
          <Link className="btn" to="/gemeinsame-dienste/neu">
            {t('studies.create')}
          </Link>
        ) : undefined
      }
    >
      <p>
        {t('studies.intro')} <Link to="/gemeinsame-dienste/katalog">{t('catalogue.link')}</Link>
      </p>
      {!q.data ? (
        <Pending query={q} />
      ) : (
        <DataTable
          label={t('studies.title')}
          caption={t('studies.count', { count: q.data.items.length })}
          columns={columns}
          rows={q.data.items}
          rowKey={(s) => s.id}
          empty={t('studies.empty')}
        />
      )}
    </Page>
  );
}

type Invitee = { id: string; name: string };

/** A new feasibility study: the service, a title and the neighbours to invite. */
export function NewStudyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const create = useCreateStudy();
  const cat = useQuery(catalogueQuery());
  const items = cat.data?.items ?? SERVICE_CATALOGUE.map((c) => ({ ...c, network: null }));
  const [serviceKey, setServiceKey] = useState(SERVICE_CATALOGUE[0]!.key);
  const [title, setTitle] = useState(`${t('studies.titlePrefix')} ${SERVICE_CATALOGUE[0]!.name}`);
  const [titleTouched, setTitleTouched] = useState(false);
  const [partners, setPartners] = useState<Invitee[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const exclude = [session.activeMunicipalityId ?? '', ...partners.map((p) => p.id)];
  return (
    <Page
      title={t('studies.create')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: '/gemeinsame-dienste', label: t('studies.title') },
      ]}
    >
      <form
        noValidate
        className="panel"
        onSubmit={async (e) => {
          e.preventDefault();
          const body = { title, serviceKey, partnerIds: partners.map((p) => p.id) };
          const invalid = validate(studyCreate, body, t);
          if (Object.keys(invalid).length) return setErrors(invalid);
          try {
            const { id } = await create.mutateAsync(body);
            navigate(`/gemeinsame-dienste/${id}`);
          } catch (err) {
            setErrors(fieldMessages(err, t));
          }
        }}
      >
        <SelectField
          name="serviceKey"
          label={t('studies.service')}
          hint={t('studies.serviceHint')}
          value={serviceKey}
          onChange={(v) => {
            setServiceKey(v);
            const name = items.find((c) => c.key === v)?.name ?? '';
            if (!titleTouched) setTitle(`${t('studies.titlePrefix')} ${name}`);
          }}
          options={items.map((c) => ({
            value: c.key,
            label: c.network ? `${c.name} (${c.network.name})` : c.name,
          }))}
        />
        <TextField
          name="title"
          label={t('studies.name')}
          value={title}
          onChange={(v) => {
            setTitle(v);
            setTitleTouched(true);
          }}
          error={errors.title}
          required
        />
        <Panel title={t('studies.invite')} level={3}>
          {partners.length ? (
            <ul>
              {partners.map((p) => (
                <li key={p.id}>
                  {p.name}{' '}
                  <Button
                    small
                    variant="secondary"
                    onPress={() => setPartners((ps) => ps.filter((x) => x.id !== p.id))}
                  >
                    {t('studies.remove', { name: p.name })}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className={errors.partnerIds ? 'field-error' : undefined}>
              {errors.partnerIds ?? t('studies.noPartnersYet')}
            </p>
          )}
          <MunicipalityPicker
            label={t('studies.findPartner')}
            hint={t('studies.findPartnerHint')}
            exclude={exclude}
            alreadyIn={t('studies.alreadyIn')}
            addLabel={(name) => t('studies.add', { name })}
            onAdd={(m) => setPartners((ps) => [...ps, { id: m.id, name: m.name }])}
          />
        </Panel>
        <Button type="submit" isDisabled={create.isPending}>
          {t('studies.start')}
        </Button>
      </form>
    </Page>
  );
}
