import { contactRequestInput } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Alert, Empty, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { levelText } from './levels';
import { type Peer, type RecommendedDimension, recommendationsQuery, useRequestPeerContact } from './queries';

type Asking = { peer: Peer; dimension: string };

/** A contact request to a peer that agreed to be asked (the exchange's request: contact details after acceptance). */
function ContactDialog({ asking, onClose }: { asking: Asking | null; onClose: (sentTo?: string) => void }) {
  const { t } = useTranslation();
  const send = useRequestPeerContact();
  const [form, setForm] = useState({ about: '', message: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [opened, setOpened] = useState<Asking | null>(null);
  // a fresh form for every peer asked
  if (asking !== opened) {
    setOpened(asking);
    setErrors({});
    if (asking) setForm({ about: t('maturity.contactAbout', { dimension: asking.dimension }), message: '' });
  }
  return (
    <FormDialog
      isOpen={Boolean(asking)}
      title={t('maturity.contactTitle', { name: asking?.peer.municipality ?? '' })}
      onClose={() => onClose()}
    >
      <p className="m-note">{t('maturity.contactPrivacy')}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!asking) return;
          const body = { ...form, toMunicipalityId: asking.peer.municipalityId };
          const invalid = validate(contactRequestInput, body, t);
          setErrors(invalid);
          if (Object.keys(invalid).length) return;
          try {
            await send.mutateAsync(body);
            onClose(asking.peer.municipality);
          } catch (err) {
            const f = fieldMessages(err, t);
            setErrors(Object.keys(f).length ? f : { message: errorMessage(err, t) });
          }
        }}
      >
        <ErrorSummary errors={errors} />
        <TextField
          name="about"
          label={t('maturity.contactAboutLabel')}
          value={form.about}
          onChange={(v) => setForm({ ...form, about: v })}
          error={errors.about}
          required
        />
        <TextArea
          name="message"
          label={t('maturity.contactMessage')}
          hint={t('maturity.contactMessageHint')}
          value={form.message}
          onChange={(v) => setForm({ ...form, message: v })}
          error={errors.message}
          required
        />
        <div className="btn-row">
          <Button type="submit" isDisabled={send.isPending}>
            {t('maturity.contactSend')}
          </Button>
        </div>
      </form>
    </FormDialog>
  );
}

/** A peer's request state in words; "Kontakt anfragen" while there is none. */
function PeerAction({ peer, canAsk, onAsk }: { peer: Peer; canAsk: boolean; onAsk: () => void }) {
  const { t } = useTranslation();
  if (peer.request === 'accepted')
    return (
      <span>
        <span className="badge status-open">{t('maturity.requestAccepted')}</span>{' '}
        <Link to="/austausch/kontakte">{t('maturity.requestContacts')}</Link>
      </span>
    );
  if (peer.request === 'open') return <span className="badge status-draft">{t('maturity.requestOpen')}</span>;
  if (peer.request === 'declined') return <span className="badge">{t('maturity.requestDeclined')}</span>;
  if (!canAsk) return null;
  return (
    <Button small variant="secondary" aria-label={t('maturity.askNamed', { name: peer.municipality })} onPress={onAsk}>
      {t('maturity.ask')}
    </Button>
  );
}

/** What one weak dimension can learn from: lighthouse projects, guides, and peers further ahead. */
function DimensionAdvice({
  d,
  canAsk,
  onAsk,
}: {
  d: RecommendedDimension;
  canAsk: boolean;
  onAsk: (a: Asking) => void;
}) {
  const { t } = useTranslation();
  const nothing = d.lighthouses.length === 0 && d.guides.length === 0 && d.peers.length === 0;
  return (
    <Panel level={3} title={`${d.name} – ${levelText(t, d.level)}`} className="advice">
      {nothing && <p className="muted">{t('maturity.nothingYet')}</p>}
      {d.lighthouses.length > 0 && (
        <>
          <h4>{t('maturity.lighthouses')}</h4>
          <ul className="advice-list">
            {d.lighthouses.map((l) => (
              <li key={l.id}>
                <Link to={`/austausch/projekte/${l.id}`}>{l.title}</Link>{' '}
                <span className="muted">({l.municipality})</span>{' '}
                {l.lighthouse && <span className="badge gk">{t('maturity.lighthouse')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.guides.length > 0 && (
        <>
          <h4>{t('maturity.guides')}</h4>
          <ul className="advice-list">
            {d.guides.map((g) => (
              <li key={g.link + g.title}>
                {g.link.startsWith('/') ? (
                  <Link to={g.link}>{g.title}</Link>
                ) : (
                  <a href={g.link} target="_blank" rel="noreferrer">
                    {g.title} <span className="visually-hidden">{t('maturity.newWindow')}</span>
                  </a>
                )}
                {g.summary && <span className="advice-summary">{g.summary}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.peers.length > 0 && (
        <>
          <h4>{t('maturity.peers')}</h4>
          <ul className="advice-list peers">
            {d.peers.map((p) => (
              <li key={p.municipalityId}>
                <span>
                  <strong>{p.municipality}</strong>{' '}
                  <span className="muted">
                    {t('maturity.peerFacts', { land: p.land, sizeClass: p.sizeClass, level: levelText(t, p.level) })}
                  </span>
                </span>
                <PeerAction peer={p} canAsk={canAsk} onAsk={() => onAsk({ peer: p, dimension: d.name })} />
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}

/** "Empfehlungen": for the three weakest dimensions of the latest assessment. */
export function RecommendationsPanel({ canAsk, hasAssessment }: { canAsk: boolean; hasAssessment: boolean }) {
  const { t } = useTranslation();
  const q = useQuery({ ...recommendationsQuery(), enabled: hasAssessment });
  const [asking, setAsking] = useState<Asking | null>(null);
  const [sent, setSent] = useState<string>();
  const r = q.data;
  return (
    <Panel title={t('maturity.recommendationsTitle')} id="h-maturity-recommendations">
      {!hasAssessment ? (
        <Empty>{t('maturity.recommendationsLater')}</Empty>
      ) : !r ? (
        <Pending query={q} />
      ) : r.dimensions.length === 0 ? (
        <Empty>{t('maturity.recommendationsLater')}</Empty>
      ) : (
        <>
          <p>{t('maturity.recommendationsIntro')}</p>
          {!r.contactable && canAsk && <p className="m-note">{t('maturity.notContactableHint')}</p>}
          {sent && <Alert kind="success">{t('maturity.requestSent', { name: sent })}</Alert>}
          {r.dimensions.map((d) => (
            <DimensionAdvice key={d.key} d={d} canAsk={canAsk} onAsk={setAsking} />
          ))}
        </>
      )}
      <ContactDialog
        asking={asking}
        onClose={(to) => {
          setAsking(null);
          if (to) setSent(to);
        }}
      />
    </Panel>
  );
}
