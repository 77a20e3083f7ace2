import { LAND_LIST } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { Empty, Page, Pending } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { TableWrap } from '../../components/TableWrap';
import { fmtNumber } from '../../lib/format';
import { InviteForm } from '../members/InviteForm';
import { SizeClassBadge } from '../municipality/SizeClassBadge';
import { directoryQuery } from './queries';

const SORTS = ['name', 'population', '-population', 'ags'] as const;

/** The official municipality directory: search, filter by Land and size class, sort, page. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [term, setTerm] = useState(params.get('q') ?? '');
  const [land, setLand] = useState(params.get('land') ?? '');
  const [sizeClass, setSizeClass] = useState(params.get('sizeClass') ?? '');
  const [sort, setSort] = useState(params.get('sort') ?? 'name');
  const [includeFormer, setIncludeFormer] = useState(params.get('includeFormer') === 'true');
  const page = Number(params.get('page') ?? '1');
  const canOnboard = useSession().can.import_directory ?? false;
  const [inviting, setInviting] = useState<{ id: string; name: string } | null>(null);
  const q = useQuery(directoryQuery(params));
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / q.data.pageSize)) : 1;
  const go = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  };
  return (
    <Page title={t('directory.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('directory.intro')}</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams();
          if (term.trim()) next.set('q', term.trim());
          if (land) next.set('land', land);
          if (sizeClass) next.set('sizeClass', sizeClass);
          if (sort !== 'name') next.set('sort', sort);
          if (includeFormer) next.set('includeFormer', 'true');
          setParams(next);
        }}
      >
        <TextField
          name="q"
          label={t('directory.search')}
          hint={t('directory.searchHint')}
          value={term}
          onChange={setTerm}
        />
        <SelectField
          name="land"
          label={t('municipality.land')}
          value={land}
          onChange={setLand}
          options={[{ value: '', label: t('common.all') }, ...LAND_LIST.map((l) => ({ value: l.code, label: l.name }))]}
        />
        <SelectField
          name="sizeClass"
          label={t('dashboard.sizeClass')}
          value={sizeClass}
          onChange={setSizeClass}
          options={[
            { value: '', label: t('common.all') },
            ...[1, 2, 3, 4, 5, 6, 7].map((g) => ({ value: String(g), label: `GK ${g}: ${t(`sizeClasses.${g}`)}` })),
          ]}
        />
        <SelectField
          name="sort"
          label={t('directory.sort')}
          value={sort}
          onChange={setSort}
          options={SORTS.map((s) => ({ value: s, label: t(`directory.sorts.${s}`) }))}
        />
        <div className="field">
          <label>
            <input
              type="checkbox"
              name="includeFormer"
              checked={includeFormer}
              onChange={(e) => setIncludeFormer(e.target.checked)}
            />{' '}
            {t('directory.includeFormer')}
          </label>
        </div>
        <Button type="submit">{t('common.search')}</Button>
      </form>
      {!q.data ? (
        <Pending query={q} />
      ) : q.data.items.length === 0 ? (
        <Empty>{t('directory.empty')}</Empty>
      ) : (
        <>
          <TableWrap label={t('directory.title')}>
            <table className="data">
              <caption>{t('directory.count', { count: q.data.total, n: fmtNumber(q.data.total) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('municipality.name')}</th>
                  <th scope="col">
                    <abbr title={t('municipality.ags')}>{t('municipality.agsShort')}</abbr>
                  </th>
                  <th scope="col">{t('municipality.land')}</th>
                  <th scope="col">{t('municipality.kreis')}</th>
                  <th
                    scope="col"
                    className="num"
                    aria-sort={sort === 'population' ? 'ascending' : sort === '-population' ? 'descending' : undefined}
                  >
                    {t('municipality.population')}
                  </th>
                  <th scope="col">{t('dashboard.sizeClass')}</th>
                  <th scope="col">{t('municipality.administeringBody')}</th>
                  {canOnboard && <th scope="col">{t('common.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {q.data.items.map((m) => (
                  <tr key={m.id}>
                    <td>
                      {m.name}
                      {!m.inDirectory && <span className="badge"> {t('directory.notInDirectory')}</span>}
                    </td>
                    <td>{m.ags}</td>
                    <td>{m.land}</td>
                    <td>{m.kreis}</td>
                    <td className="num">{fmtNumber(m.population)}</td>
                    <td>
                      <SizeClassBadge sizeClass={m.sizeClass} />
                    </td>
                    <td>
                      {m.administeringBody
                        ? `${t(`bodyTypes.${m.administeringBody.type}`)} ${m.administeringBody.name}`
                        : '–'}
                    </td>
                    {canOnboard && (
                      <td>
                        <Button
                          variant="secondary"
                          small
                          onPress={() => setInviting({ id: m.id, name: m.name })}
                          aria-label={t('directory.inviteNamed', { name: m.name })}
                        >
                          {t('directory.invite')}
                        </Button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Pager page={page} pages={pages} onPage={go} />
        </>
      )}
      <FormDialog
        isOpen={inviting !== null}
        title={t('directory.inviteTitle', { name: inviting?.name ?? '' })}
        onClose={() => setInviting(null)}
      >
        {inviting && (
          <InviteForm endpoint={`/municipalities/${inviting.id}/invitations`} canInviteAdmin defaultRole="admin" />
        )}
      </FormDialog>
    </Page>
  );
}
