import { networkStudyCreate, SERVICE_CATALOGUE } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { Alert } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fieldMessages } from '../../lib/errors';
import { fmtDate } from '../../lib/format';
import { validate } from '../../lib/validate';
import { CheckboxGroup } from '../projects/shared';
import { catalogueQuery, networkStudiesQuery, useCreateNetworkStudy } from './queries';

/**
 * On a network's page, for its moderation: start a feasibility study for members of the network — name the
 * lead and the partners, they accept or decline — and follow who answered (never the study's figures).
 */
export function NetworkStudies({
  network,
  members,
}: {
  network: { id: string; name: string };
  members: { municipalityId: string; name: string }[];
}) {
  const { t } = useTranslation();
  const list = useQuery(networkStudiesQuery());
  const cat = useQuery(catalogueQuery());
  const create = useCreateNetworkStudy();
  const items = (cat.data?.items ?? SERVICE_CATALOGUE.map((c) => ({ ...c, network: null }))).filter(
    (c) => !c.network || c.network.id === network.id,
  );
  const [open, setOpen] = useState(false);
  const [serviceKey, setServiceKey] = useState(SERVICE_CATALOGUE[0]!.key);
  const [title, setTitle] = useState('');
  const [leadId, setLeadId] = useState('');
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState('');
  const studies = (list.data?.items ?? []).filter((s) => s.network.id === network.id);
  const serviceName = items.find((c) => c.key === serviceKey)?.name ?? '';
  const lead = leadId || members[0]?.municipalityId || '';
  const labels = {
    serviceKey: t('studies.service'),
    title: t('studies.name'),
    leadId: t('networkStudies.lead'),
    partnerIds: t('networkStudies.partners'),
  };
  return (
    <Panel id="h-network-studies" title={t('networkStudies.title')}>
      <p>{t('networkStudies.intro')}</p>
      {sent && <Alert kind="success">{sent}</Alert>}
      {studies.length ? (
        <ul>
          {studies.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong> ({s.serviceName}, {t(`studies.statuses.${s.status}`)},{' '}
              {t('networkStudies.startedOn', { date: fmtDate(s.createdAt) })}):{' '}
              {s.partners
                .map(
                  (p) =>
                    `${p.name}${p.role === 'lead' ? ` (${t('networkStudies.leadShort')})` : ''} – ${t(`studies.partnerStatuses.${p.status}`)}`,
                )
                .join('; ')}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('networkStudies.none')}</p>
      )}
      <p>
        <Link to="/gemeinsame-dienste/katalog">{t('networkStudies.catalogue')}</Link>
      </p>
      {!open ? (
        <Button onPress={() => setOpen(true)} isDisabled={members.length < 2}>
          {t('networkStudies.start')}
        </Button>
      ) : (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const body = {
              networkId: network.id,
              leadId: lead,
              serviceKey,
              title: title || `${t('studies.titlePrefix')} ${serviceName}`,
              partnerIds: partnerIds.filter((p) => p !== lead),
            };
            const invalid = validate(networkStudyCreate, body, t);
            if (Object.keys(invalid).length) return setErrors(invalid);
            try {
              await create.mutateAsync(body);
              setErrors({});
              setOpen(false);
              setPartnerIds([]);
              setTitle('');
              setSent(t('networkStudies.sent', { title: body.title }));
            } catch (err) {
              setErrors(fieldMessages(err, t));
            }
          }}
        >
          <ErrorSummary errors={errors} labels={labels} />
          <SelectField
            name="serviceKey"
            label={labels.serviceKey}
            value={serviceKey}
            onChange={setServiceKey}
            options={items.map((c) => ({ value: c.key, label: c.name }))}
            error={errors.serviceKey}
          />
          <TextField
            name="title"
            label={labels.title}
            hint={t('networkStudies.titleHint', { title: `${t('studies.titlePrefix')} ${serviceName}` })}
            value={title}
            onChange={setTitle}
            error={errors.title}
          />
          <SelectField
            name="leadId"
            label={labels.leadId}
            hint={t('networkStudies.leadHint')}
            value={lead}
            onChange={setLeadId}
            options={members.map((m) => ({ value: m.municipalityId, label: m.name }))}
            error={errors.leadId}
          />
          <CheckboxGroup
            name="partnerIds"
            legend={labels.partnerIds}
            hint={t('networkStudies.partnersHint')}
            options={members
              .filter((m) => m.municipalityId !== lead)
              .map((m) => ({ value: m.municipalityId, label: m.name }))}
            value={partnerIds}
            onChange={setPartnerIds}
            error={errors.partnerIds}
          />
          <div className="actions">
            <Button type="submit" isDisabled={create.isPending}>
              {t('networkStudies.send')}
            </Button>{' '}
            <Button variant="secondary" onPress={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </Panel>
  );
}
