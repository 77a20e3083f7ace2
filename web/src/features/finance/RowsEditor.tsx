import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { TableWrap } from '../../components/TableWrap';

export type Cell = string | boolean;
export type Row = Record<string, Cell>;
export interface Column {
  key: string;
  label: string;
  type?: 'text' | 'number' | 'select' | 'checkbox' | 'date';
  options?: { value: string; label: string }[];
  width?: string;
}

/**
 * An editable table of lines (costs, staff hours, funding, benefits): every cell is a labelled control
 * ("Betrag, Zeile 2"), rows are added and removed with buttons, errors are shown per row.
 */
export function RowsEditor({
  caption,
  columns,
  rows,
  onChange,
  blank,
  errors,
  addLabel,
}: {
  caption: string;
  columns: Column[];
  rows: Row[];
  onChange: (rows: Row[]) => void;
  blank: () => Row;
  errors: Record<number, string>;
  addLabel: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, key: string, v: Cell) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  return (
    <>
      {rows.length > 0 && (
        <TableWrap label={caption}>
          <table className="data rows-editor">
            <caption>{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c.key} style={c.width ? { width: c.width } : undefined}>
                    {c.label}
                  </th>
                ))}
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines are edited in place and have no id
                <tr key={i}>
                  {columns.map((c, ci) => {
                    const label = t('finance.cellLabel', { column: c.label, row: i + 1 });
                    const v = r[c.key];
                    return (
                      <td key={c.key}>
                        {c.type === 'select' ? (
                          <select aria-label={label} value={String(v)} onChange={(e) => set(i, c.key, e.target.value)}>
                            {c.options?.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                        ) : c.type === 'checkbox' ? (
                          <input
                            type="checkbox"
                            aria-label={label}
                            checked={Boolean(v)}
                            onChange={(e) => set(i, c.key, e.target.checked)}
                          />
                        ) : (
                          <input
                            type={c.type === 'date' ? 'date' : 'text'}
                            inputMode={c.type === 'number' ? 'decimal' : undefined}
                            aria-label={label}
                            aria-invalid={errors[i] && ci === 0 ? true : undefined}
                            value={String(v)}
                            onChange={(e) => set(i, c.key, e.target.value)}
                          />
                        )}
                        {ci === 0 && errors[i] && <span className="field-error">{errors[i]}</span>}
                      </td>
                    );
                  })}
                  <td>
                    <Button
                      small
                      variant="secondary"
                      aria-label={t('finance.removeRow', { caption, row: i + 1 })}
                      onPress={() => onChange(rows.filter((_, j) => j !== i))}
                    >
                      {t('common.delete')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Button variant="secondary" onPress={() => onChange([...rows, blank()])}>
        {addLabel}
      </Button>
    </>
  );
}
