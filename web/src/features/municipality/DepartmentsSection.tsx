import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert, Empty, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { ApiError, api } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';

interface Department {
  id: string;
  code: string | null;
  name: string;
  version: number;
}

/** Fachbereiche: list, add, rename inline, delete with confirmation, restore the KGSt default set. */
export function DepartmentsSection() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['departments'],
    queryFn: () => api<{ items: Department[]; can: { manage: boolean } }>('/departments'),
  });
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<Department | null>(null);
  const [deleting, setDeleting] = useState<Department | null>(null);
  const [notice, setNotice] = useState<string>();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['departments'] }),
      qc.invalidateQueries({ queryKey: ['dashboard'] }),
    ]);
  const toErrors = (err: unknown) => fieldMessages(err, t);

  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (name.trim().length < 2) return setErrors({ name: t('departments.nameMissing') });
    try {
      await api('/departments', { method: 'POST', body: { code: code || null, name } });
      setCode('');
      setName('');
      setErrors({});
      setNotice(t('departments.added', { name }));
      await refresh();
    } catch (err) {
      setErrors(toErrors(err));
    }
  }
  async function saveEdit(e: React.FormEvent) {
    e.preventDefault();
    if (!editing) return;
    try {
      await api(`/departments/${editing.id}`, {
        method: 'PATCH',
        body: { version: editing.version, code: editing.code || null, name: editing.name },
      });
      setEditing(null);
      setNotice(t('common.saved'));
      await refresh();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') setNotice(t('errors.version_conflict'));
      setErrors(toErrors(err));
    }
  }
  async function remove() {
    if (!deleting) return;
    await api(`/departments/${deleting.id}`, { method: 'DELETE' });
    setNotice(t('departments.deleted', { name: deleting.name }));
    setDeleting(null);
    await refresh();
  }

  const items = q.data?.items ?? [];
  const manage = q.data?.can.manage ?? false;
  return (
    <section className="panel" aria-labelledby="h-dep">
      <h2 id="h-dep">{t('departments.title')}</h2>
      {notice && <Alert kind="info">{notice}</Alert>}
      {!q.data ? (
        <Pending query={q} />
      ) : items.length === 0 ? (
        <Empty>
          <p>{t('departments.empty')}</p>
          {manage && (
            <Button
              onPress={async () => {
                await api('/departments/defaults', { method: 'POST' });
                await refresh();
              }}
            >
              {t('departments.useDefaults')}
            </Button>
          )}
        </Empty>
      ) : (
        <TableWrap label={t('departments.title')}>
          <table className="data">
            <caption className="visually-hidden">{t('departments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('departments.code')}</th>
                <th scope="col">{t('departments.name')}</th>
                {manage && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((d) =>
                editing?.id === d.id ? (
                  <tr key={d.id}>
                    <td colSpan={3}>
                      <form onSubmit={saveEdit} className="form-grid" noValidate>
                        <TextField
                          name="code"
                          label={t('departments.code')}
                          value={editing.code ?? ''}
                          onChange={(v) => setEditing({ ...editing, code: v })}
                        />
                        <TextField
                          name="name"
                          label={t('departments.name')}
                          value={editing.name}
                          onChange={(v) => setEditing({ ...editing, name: v })}
                          error={errors.name}
                          required
                        />
                        <div className="btn-row">
                          <Button type="submit" small>
                            {t('common.save')}
                          </Button>
                          <Button variant="secondary" small onPress={() => setEditing(null)}>
                            {t('common.cancel')}
                          </Button>
                        </div>
                      </form>
                    </td>
                  </tr>
                ) : (
                  <tr key={d.id}>
                    <td>{d.code ?? '–'}</td>
                    <td>{d.name}</td>
                    {manage && (
                      <td>
                        <div style={{ display: 'flex', gap: 8 }}>
                          <Button
                            variant="secondary"
                            small
                            onPress={() => setEditing(d)}
                            aria-label={t('departments.editNamed', { name: d.name })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            variant="secondary"
                            small
                            onPress={() => setDeleting(d)}
                            aria-label={t('departments.deleteNamed', { name: d.name })}
                          >
                            {t('common.delete')}
                          </Button>
                        </div>
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </TableWrap>
      )}
      {manage && (
        <>
          <h3>{t('departments.add')}</h3>
          <ErrorSummary errors={editing ? {} : errors} labels={{ name: t('departments.name') }} />
          <form onSubmit={add} noValidate className="form-grid">
            <TextField
              name="code"
              label={t('departments.code')}
              hint={t('departments.codeHint')}
              value={code}
              onChange={setCode}
            />
            <TextField
              name="name"
              label={t('departments.name')}
              value={name}
              onChange={setName}
              error={editing ? undefined : errors.name}
              required
            />
            <div className="field" style={{ justifyContent: 'flex-end' }}>
              <Button type="submit">{t('departments.addSubmit')}</Button>
            </div>
          </form>
        </>
      )}
      <ConfirmDialog
        isOpen={deleting !== null}
        title={t('departments.confirmTitle')}
        body={t('departments.confirmBody', { name: deleting?.name ?? '' })}
        confirmLabel={t('departments.confirmDelete')}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}
