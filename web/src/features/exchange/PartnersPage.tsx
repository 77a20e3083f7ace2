import { contactRequestInput } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { TextArea, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import {
  type ContactRequestInput,
  type ContactRequests,
  contactRequestsQuery,
  needQuery,
  type PartnerSuggestions,
  partnersQuery,
  useAnswerContactRequest,
  useNeedPartnerSearch,
  useSendContactRequest,
} from './queries';

type Item = PartnerSuggestions['items'][number];

/** A contact request to one municipality (from a partner suggestion or a published entry). */
export function RequestDialog({
  to,
  about,
  onClose,
}: {
  to: { id: string; name: string } | null;
  about: string;
  onClose: (sent: boolean) => void;
}) {
  const { t } = useTranslation();
  const send = useSendContactRequest();
  const [form, setForm] = useState<Omit<ContactRequestInput, 'toMunicipalityId'>>({ about, message: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <FormDialog
      isOpen={Boolean(to)}
      title={t('exchange.contactTitle', { name: to?.name ?? '' })}
      onClose={() => onClose(false)}
    >
      <p className="hint">{t('exchange.contactPrivacy')}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!to) return;
          const body = { ...form, toMunicipalityId: to.id };
          const invalid = validate(contactRequestInput, body, t);
          if (Object.keys(invalid).length) return setErrors(invalid);
          try {
            await send.mutateAsync(body);
            onClose(true);
          } catch (err) {
            const f = fieldMessages(err, t);
            setErrors(Object.keys(f).length ? f : { message: errorMessage(err, t) });
          }
        }}
      >
        <TextField
          name="about"
          label={t('exchange.about')}
          value={form.about ?? ''}
          onChange={(v) => setForm({ ...form, about: v })}
          error={errors.about}
        />
        <TextArea
          name="message"
          label={t('exchange.message')}
          value={form.message}
          onChange={(v) => setForm({ ...form, message: v })}
          error={errors.message}
          required
        />
        <div className="btn-row">
          <Button type="submit">{t('exchange.sendRequest')}</Button>
        </div>
      </form>
    </FormDialog>
  );
}

/** Opening a need for partner search: its title then counts in other municipalities' suggestions. */
function NeedSharing({ needId }: { needId: string }) {
  const { t } = useTranslation();
  const need = useQuery(needQuery(needId));
  const partnerSearch = useNeedPartnerSearch(needId);
  const [error, setError] = useState<string>();
  if (!need.data) return null;
  return (
    <label className="choice">
      <input
        type="checkbox"
        name="seekingPartners"
        checked={need.data.seekingPartners}
        onChange={async (e) => {
          try {
            await partnerSearch.mutateAsync({ version: need.data!.version, seekingPartners: e.target.checked });
            setError(undefined);
          } catch (err) {
            setError(errorMessage(err, t));
          }
        }}
      />{' '}
      {t('exchange.openNeed')}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

/** Partner suggestions for a need or project, with the reasons each matched, and contact requests. */
export function PartnersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const needId = params.get('bedarf');
  const projectId = params.get('projekt');
  const q = useQuery({
    ...partnersQuery(needId ? { needId } : { projectId: projectId ?? '' }),
    enabled: Boolean(needId || projectId),
  });
  const [to, setTo] = useState<Item | null>(null);
  const [sent, setSent] = useState(false);
  const crumbs = [{ to: '/', label: t('nav.start') }];
  if (!needId && !projectId)
    return (
      <Page title={t('exchange.partnersTitle')} crumbs={crumbs}>
        <Empty>{t('exchange.partnersStart')}</Empty>
      </Page>
    );
  if (!q.data)
    return (
      <Page title={t('exchange.partnersTitle')} crumbs={crumbs}>
        <Pending query={q} />
      </Page>
    );
  const d = q.data;
  const back = needId
    ? { to: `/bedarfe/${needId}`, label: d.source.title }
    : { to: `/projekte/${projectId}`, label: d.source.title };
  return (
    <Page title={t('exchange.partnersTitle')} crumbs={[...crumbs, back]}>
      <p>{t('exchange.partnersIntro', { title: d.source.title })}</p>
      {d.source.fields.length > 0 && (
        <p className="muted">{t('exchange.sourceFields', { fields: d.source.fields.join(', ') })}</p>
      )}
      {needId && session.can.manage_exchange && <NeedSharing needId={needId} />}
      {sent && <Alert kind="success">{t('exchange.requestSent')}</Alert>}
      {d.items.length === 0 ? (
        <Empty>{t('exchange.noPartners')}</Empty>
      ) : (
        <ol className="card-grid" style={{ listStyle: 'none', padding: 0 }}>
          {d.items.map((x) => (
            <li key={x.municipality.id} className="card">
              <h2 style={{ marginTop: 0, fontSize: '1.15rem' }}>{x.municipality.name}</h2>
              <p className="kicker">
                GK {x.municipality.sizeClass} · {x.municipality.kreis ?? '–'} · {x.municipality.land}
                {x.distanceKm !== null && ` · ${t('exchange.km', { n: x.distanceKm })}`}
              </p>
              <p>
                <strong>{t('exchange.score', { n: x.score })}</strong>
              </p>
              <p>{t('exchange.why')}</p>
              <ul>
                {x.reasons.map((r) => (
                  <li key={r}>{t(`exchange.reasons.${r}`)}</li>
                ))}
              </ul>
              {x.matches.length > 0 && (
                <ul>
                  {x.matches.map((m, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: template rows have no ids and never reorder
                    <li key={`${m.kind}-${i}`}>
                      {m.kind === 'project' && m.id ? (
                        <Link to={`/austausch/projekte/${m.id}`}>{m.title}</Link>
                      ) : (
                        <>
                          {t('exchange.theirNeed')}: {m.title}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {x.request ? (
                <p className="muted">{t(`exchange.requestStatus.${x.request}`)}</p>
              ) : (
                session.can.manage_exchange && (
                  <Button small onPress={() => setTo(x)}>
                    {t('exchange.requestContact')}
                    <span className="visually-hidden"> {x.municipality.name}</span>
                  </Button>
                )
              )}
            </li>
          ))}
        </ol>
      )}
      <RequestDialog
        key={to?.municipality.id ?? 'none'}
        to={to ? to.municipality : null}
        about={d.source.title}
        onClose={(ok) => {
          setTo(null);
          if (ok) setSent(true);
        }}
      />
    </Page>
  );
}

/** One list of contact requests (incoming with accept/decline, or outgoing). */
function RequestList({
  items,
  incoming,
  canAnswer,
  answer,
}: {
  items: ContactRequests['incoming'];
  incoming: boolean;
  canAnswer: boolean;
  answer: (id: string, accept: boolean) => void;
}) {
  const { t } = useTranslation();
  return items.length === 0 ? (
    <Empty>{incoming ? t('exchange.noIncoming') : t('exchange.noOutgoing')}</Empty>
  ) : (
    <ul className="card-grid" style={{ listStyle: 'none', padding: 0 }}>
      {items.map((r) => (
        <li key={r.id} className="card">
          <h3 style={{ marginTop: 0 }}>{r.municipality}</h3>
          {r.about && <p className="kicker">{r.about}</p>}
          <p style={{ whiteSpace: 'pre-line' }}>{r.message}</p>
          <p>
            <strong>{t(`exchange.requestStatus.${r.status}`)}</strong>
          </p>
          {r.contact ? (
            <p>
              {t('exchange.contactPerson')}: {r.contact.name}
              {r.contact.role && ` (${r.contact.role})`}, <a href={`mailto:${r.contact.email}`}>{r.contact.email}</a>
            </p>
          ) : (
            r.status === 'open' && <p className="muted">{t('exchange.detailsAfterAccept')}</p>
          )}
          {incoming && r.status === 'open' && canAnswer && (
            <div className="btn-row">
              <Button small onPress={() => answer(r.id, true)}>
                {t('exchange.accept')}
                <span className="visually-hidden"> {r.municipality}</span>
              </Button>
              <Button small variant="secondary" onPress={() => answer(r.id, false)}>
                {t('exchange.decline')}
                <span className="visually-hidden"> {r.municipality}</span>
              </Button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Contact requests: incoming to accept or decline, outgoing with their state; details only after acceptance. */
export function ContactsPage() {
  const { t } = useTranslation();
  const q = useQuery(contactRequestsQuery());
  const answerRequest = useAnswerContactRequest();
  const [msg, setMsg] = useState<string>();
  const answer = async (id: string, accept: boolean) => {
    try {
      await answerRequest.mutateAsync({ id, accept });
      setMsg(accept ? t('exchange.accepted') : t('exchange.declined'));
    } catch (err) {
      setMsg(errorMessage(err, t));
    }
  };
  return (
    <Page title={t('exchange.contactsTitle')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('exchange.contactsIntro')}</p>
      {msg && <Alert kind="success">{msg}</Alert>}
      {!q.data ? (
        <Pending query={q} />
      ) : (
        <>
          <Panel title={t('exchange.incoming')}>
            <RequestList
              items={q.data.incoming}
              incoming
              canAnswer={q.data.can.answer}
              answer={(id, ok) => void answer(id, ok)}
            />
          </Panel>
          <Panel title={t('exchange.outgoing')}>
            <RequestList items={q.data.outgoing} incoming={false} canAnswer={false} answer={() => undefined} />
          </Panel>
        </>
      )}
    </Page>
  );
}
