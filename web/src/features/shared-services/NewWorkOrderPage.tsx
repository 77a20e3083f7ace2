import { workOrderCreate } from '@dz/core';
import { WORK_ORDER_PRIORITIES, type WorkOrderPriority } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { opErrorMessage, opFieldMessages, opValidate, slaText } from './operation-ui';
import { ordersQuery, useAttach, useCreateOrder } from './queries';
import { useStudyCrumbs } from './WorkOrdersPage';

/** One file's way to the server: its progress, then done or the reason it failed. */
export type UploadState = { name: string; fraction: number; error?: string; done?: boolean };

/** The files' progress in a live region: "foto.jpg: wird hochgeladen (40 %)", then done or the error. */
export function UploadList({ uploads }: { uploads: UploadState[] }) {
  const { t } = useTranslation();
  if (uploads.length === 0) return null;
  return (
    <ul className="op-uploads" aria-live="polite">
      {uploads.map((u, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two files may share a name
        <li key={i}>
          {u.error ? (
            <span className="field-error">{t('operation.uploadFailed', { name: u.name, error: u.error })}</span>
          ) : u.done ? (
            t('operation.uploaded', { name: u.name })
          ) : (
            <>
              {t('operation.uploading', { name: u.name, percent: Math.round(u.fraction * 100) })}
              <progress max={1} value={u.fraction} aria-label={u.name} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Uploads files one after the other, reporting each file's state; true when all arrived. */
export function useUploads(id: string) {
  const { t, i18n } = useTranslation();
  const attach = useAttach(id);
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const run = async (orderId: string, files: File[]) => {
    const states: UploadState[] = files.map((f) => ({ name: f.name, fraction: 0 }));
    setUploads([...states]);
    let ok = true;
    for (const [i, f] of files.entries()) {
      const set = (patch: Partial<UploadState>) => {
        states[i] = { ...states[i]!, ...patch };
        setUploads([...states]);
      };
      try {
        await attach(orderId, f, (fraction) => set({ fraction }));
        set({ fraction: 1, done: true });
      } catch (err) {
        ok = false;
        set({ error: opErrorMessage(err, t, i18n.language) });
      }
    }
    return ok;
  };
  return { uploads, run, reset: () => setUploads([]) };
}

/** Filing a work order, made for a phone in the street: type, title, place, priority, photos. */
export function NewWorkOrderPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const list = useQuery(ordersQuery(id, 'open'));
  const { crumbs } = useStudyCrumbs(id);
  const create = useCreateOrder(id);
  const { uploads, run } = useUploads(id);
  const [type, setType] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState('');
  const [priority, setPriority] = useState<WorkOrderPriority>('normal');
  const [dueOn, setDueOn] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ id: string; number: number } | null>(null);
  const tasks = list.data?.tasks ?? [];
  const chosenType = type || tasks[0] || '';
  const title_ = t('operation.newOrder');
  const orders = `/gemeinsame-dienste/${id}/auftraege`;
  return (
    <Page title={title_} crumbs={[...crumbs, { to: orders, label: t('operation.ordersTitle') }]}>
      {!list.data ? (
        <Pending query={list} />
      ) : !list.data.can.file ? (
        <Alert kind="info">{t('operation.cannotFile')}</Alert>
      ) : (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (created) return;
            const body = { type: chosenType, title, description, location, priority, dueOn: dueOn || null };
            const invalid = opValidate(workOrderCreate, body, t);
            if (Object.keys(invalid).length) return setErrors(invalid);
            try {
              const order = await create.mutateAsync(body);
              setErrors({});
              setCreated(order);
              const ok = files.length === 0 || (await run(order.id, files));
              if (ok) navigate(`${orders}/${order.id}`);
            } catch (err) {
              setErrors(opFieldMessages(err, t));
            }
          }}
        >
          <ErrorSummary errors={errors} />
          <SelectField
            name="type"
            label={t('operation.typeLabel')}
            value={chosenType}
            onChange={setType}
            options={tasks.map((x) => ({ value: x, label: x }))}
            required
          />
          <TextField
            name="title"
            label={t('operation.title')}
            hint={t('operation.titleHint')}
            value={title}
            onChange={setTitle}
            required
          />
          <TextArea
            name="description"
            label={t('operation.description')}
            value={description}
            onChange={setDescription}
            rows={4}
          />
          <TextField
            name="location"
            label={t('operation.location')}
            hint={t('operation.locationHint')}
            value={location}
            onChange={setLocation}
            autoComplete="street-address"
          />
          <SelectField
            name="priority"
            label={t('operation.priority')}
            hint={t('operation.slaHint', {
              priority: t(`operation.priorities.${priority}`),
              time: slaText(t, priority),
            })}
            value={priority}
            onChange={(v) => setPriority(v as WorkOrderPriority)}
            options={WORK_ORDER_PRIORITIES.map((p) => ({ value: p, label: t(`operation.priorities.${p}`) }))}
          />
          <TextField name="dueOn" type="date" label={t('operation.dueOn')} value={dueOn} onChange={setDueOn} />
          <div className="field op-file">
            <label htmlFor="order-photos">{t('operation.photos')}</label>
            <span className="hint" id="order-photos-hint">
              {t('operation.photosHint')}
            </span>
            <input
              id="order-photos"
              name="photos"
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              aria-describedby="order-photos-hint"
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            />
            {files.length > 0 && <span>{t('operation.photosChosen', { count: files.length })}</span>}
          </div>
          <UploadList uploads={uploads} />
          {created && uploads.some((u) => u.error) && (
            <Alert kind="error">
              {t('operation.uploadsFailed', { number: created.number })}{' '}
              <Link to={`${orders}/${created.id}`}>{t('operation.toOrder')}</Link>
            </Alert>
          )}
          {create.error && !Object.keys(errors).length && (
            <Alert kind="error">{opErrorMessage(create.error, t, i18n.language)}</Alert>
          )}
          <Button type="submit" isDisabled={create.isPending || created !== null}>
            {t('operation.create')}
          </Button>
        </form>
      )}
    </Page>
  );
}
