import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '../../components/Button';
import { Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fmtDateTime } from '../../lib/format';
import { UploadList, useUploads } from './NewWorkOrderPage';
import { OrderFacts } from './operation-ui';
import { attachmentUrl, orderQuery, type WorkOrderDetail } from './queries';
import { useStudyCrumbs } from './WorkOrdersPage';
import { EntriesPanel, TriageForm } from './WorkOrderWork';

function Details({ o }: { o: WorkOrderDetail }) {
  const { t } = useTranslation();
  const dash = t('operation.noValue');
  return (
    <Panel title={t('operation.details')}>
      <dl className="op-details">
        <OrderFacts o={o} t={t} />
        <dt>{t('operation.type')}</dt>
        <dd>{o.type}</dd>
        <dt>{t('operation.municipality')}</dt>
        <dd>{o.municipality.name}</dd>
        <dt>{t('operation.assignee')}</dt>
        <dd>{o.assignee ?? t('operation.unassigned')}</dd>
        <dt>{t('operation.filedBy')}</dt>
        <dd>{o.filedBy ?? dash}</dd>
        <dt>{t('operation.createdAt')}</dt>
        <dd>{fmtDateTime(o.createdAt)}</dd>
        {o.doneAt && (
          <>
            <dt>{t('operation.doneAt')}</dt>
            <dd>{fmtDateTime(o.doneAt)}</dd>
          </>
        )}
        <dt>{t('operation.location')}</dt>
        <dd>{o.location || dash}</dd>
        <dt>{t('operation.description')}</dt>
        <dd>{o.description || dash}</dd>
        {o.status === 'rejected' && (
          <>
            <dt>{t('operation.rejectReason')}</dt>
            <dd>{o.rejectReason || dash}</dd>
          </>
        )}
      </dl>
    </Panel>
  );
}

/** Photos as thumbnails linking to the file, other documents as links; the team and the filer add more. */
function Attachments({ o }: { o: WorkOrderDetail }) {
  const { t } = useTranslation();
  const { uploads, run, reset } = useUploads(o.studyId);
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const url = (a: WorkOrderDetail['attachments'][number]) => attachmentUrl(o.studyId, o.id, a.id);
  const images = o.attachments.filter((a) => a.contentType.startsWith('image/'));
  const others = o.attachments.filter((a) => !a.contentType.startsWith('image/'));
  return (
    <Panel title={t('operation.attachments')}>
      {o.attachments.length === 0 && <p>{t('operation.noAttachments')}</p>}
      {images.length > 0 && (
        <ul className="op-thumbs">
          {images.map((a) => (
            <li key={a.id}>
              <a href={url(a)} target="_blank" rel="noopener">
                <img src={url(a)} alt={t('operation.photoOf', { name: a.fileName })} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <ul className="file-list">
          {others.map((a) => (
            <li key={a.id}>
              <a href={url(a)} download={a.fileName}>
                {a.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      {o.can.attach && (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (files.length === 0) return input.current?.focus();
            setBusy(true);
            const ok = await run(o.id, files);
            setBusy(false);
            if (ok) {
              setFiles([]);
              if (input.current) input.current.value = '';
            }
          }}
        >
          <div className="field op-file">
            <label htmlFor="order-attach">{t('operation.attachFile')}</label>
            <span className="hint" id="order-attach-hint">
              {t('operation.attachHint')}
            </span>
            <input
              ref={input}
              id="order-attach"
              name="file"
              type="file"
              multiple
              aria-describedby="order-attach-hint"
              onChange={(e) => {
                reset();
                setFiles(Array.from(e.target.files ?? []));
              }}
            />
          </div>
          <UploadList uploads={uploads} />
          <Button type="submit" small isDisabled={busy}>
            {t('operation.attachFile')}
          </Button>
        </form>
      )}
    </Panel>
  );
}

/** One work order: what, where, photos; for the team the handling, time and material. */
export function WorkOrderPage() {
  const { t } = useTranslation();
  const { id = '', orderId = '' } = useParams();
  const q = useQuery(orderQuery(id, orderId));
  const [triageKey, setTriageKey] = useState(0);
  const { crumbs } = useStudyCrumbs(id);
  const all = [...crumbs, { to: `/gemeinsame-dienste/${id}/auftraege`, label: t('operation.ordersTitle') }];
  if (!q.data)
    return (
      <Page title={t('operation.order')} crumbs={all}>
        <Pending query={q} />
      </Page>
    );
  const o = q.data;
  return (
    <Page title={t('operation.orderHeading', { number: o.number, title: o.title })} crumbs={all}>
      <Details o={o} />
      <Attachments o={o} />
      {/* done and rejected orders are final: nothing left to handle */}
      {o.can.work && o.next.length > 0 && (
        <TriageForm key={triageKey} o={o} onReloaded={() => setTriageKey((k) => k + 1)} />
      )}
      <EntriesPanel o={o} />
    </Page>
  );
}
