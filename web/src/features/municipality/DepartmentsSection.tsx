import { departmentCreate, departmentUpdate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Alert, Empty, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { TableWrap } from '../../components/TableWrap';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import {
  type Department,
  type DepartmentCreate,
  departmentsQuery,
  useAddDepartment,
  useDeleteDepartment,
  useRestoreDefaultDepartments,
  useUpdateDepartment,
} from './queries';

/** Fachbereiche: list, add, rename inline, delete with confirmation, restore the KGSt default set. */
export function DepartmentsSection() {
  const { t } = useTranslation();
  const q = useQuery(departmentsQuery());
  const addDepartment = useAddDepartment();
  const updateDepartment = useUpdateDepartment();
  const deleteDepartment = useDeleteDepartment();
  const restoreDefaults = useRestoreDefaultDepartments();
  const [form, setForm] = useState<DepartmentCreate>({ code: '', name: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<Department | null>(null);
  const [notice, setNotice] = useState<string>();
  const toErrors = (err: unknown) => fieldMessages(err, t);

  async function add(e: React.FormEvent) {
    e.preventDefault();
    const body = { code: form.code || null, name: form.name };
    const invalid = validate(departmentCreate, body, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    try {
      await addDepartment.mutateAsync(body);
      setForm({ code: '', name: '' });
      setErrors({});
      setNotice(t('departments.added', { name: form.name }));
    } catch (err) {
      setErrors(toErrors(err));
    }
  }
  async function saveEdit(e: React.FormEvent) {
    e.preventDefault();
    if (!editing) return;
    const body = { version: editing.version, code: editing.code || null, name: editing.name };
    const invalid = validate(departmentUpdate, body, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    try {
      await updateDepartment.mutateAsync({ id: editing.id, ...body });
      setEditing(null);
      setErrors({});
      setNotice(t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') setNotice(t('errors.version_conflict'));
      setErrors(toErrors(err));
    }
  }
  async function remove(d: Department) {
    try {
      await deleteDepartment.mutateAsync(d.id);
      setNotice(t('departments.deleted', { name: d.name }));
    } catch (err) {
      setNotice(errorMessage(err, t));
    }
  }

  const items = q.data?.items ?? [];
  const manage = q.data?.can.manage ?? false;
  return (
    <Panel title={t('departments.title')}>
      {notice && <Alert kind="info">{notice}</Alert>}
      {!q.data ? (
        <Pending query={q} />
      ) : items.length === 0 ? (
        <Empty>
          <p>{t('departments.empty')}</p>
          {manage && (
            <Button
              onPress={async () => {
                try {
                  await restoreDefaults.mutateAsync();
                } catch (err) {
                  setNotice(errorMessage(err, t));
                }
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
                          error={errors.code}
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
                          <ConfirmDeleteButton
                            label={t('common.delete')}
                            ariaLabel={t('departments.deleteNamed', { name: d.name })}
                            title={t('departments.confirmTitle')}
                            body={t('departments.confirmBody', { name: d.name })}
                            confirmLabel={t('departments.confirmDelete')}
                            onConfirm={() => remove(d)}
                          />
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
          <ErrorSummary
            errors={editing ? {} : errors}
            labels={{ code: t('departments.code'), name: t('departments.name') }}
          />
          <form onSubmit={add} noValidate className="form-grid">
            <TextField
              name="code"
              label={t('departments.code')}
              hint={t('departments.codeHint')}
              value={form.code ?? ''}
              onChange={(code) => setForm({ ...form, code })}
              error={editing ? undefined : errors.code}
            />
            <TextField
              name="name"
              label={t('departments.name')}
              value={form.name}
              onChange={(name) => setForm({ ...form, name })}
              error={editing ? undefined : errors.name}
              required
            />
            <div className="field" style={{ justifyContent: 'flex-end' }}>
              <Button type="submit">{t('departments.addSubmit')}</Button>
            </div>
          </form>
        </>
      )}
    </Panel>
  );
}
