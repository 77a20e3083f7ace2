import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { TableWrap } from '../../components/TableWrap';
import './finance.css';

export type Cell = string | boolean;
export type Row = Record<string, Cell>;
export interface Column {
  key: string;
  label: string;
  type?: 'text' | 'number' | 'select' | 'checkbox' | 'date';
  options?: { value: string; label: string }[];
  /** A select's options in named groups (e.g. one-time and recurring cost categories). */
  groups?: { label: string; options: { value: string; label: string }[] }[];
  width?: string;
  /** A second line in the column header only (e.g. "netto"); the cells' labels use `label`. */
  sub?: string;
  /** A short line under the control, read with it (e.g. the gross amount next to a net one). */
  note?: (row: Row) => string | null;
}

/**
 * An editable table of lines (costs, staff hours, funding, benefits): every cell is a labelled control
 * ("Betrag, Zeile 2"), rows are added and removed with buttons, errors are shown per row. `fixed` lays the columns
 * out by their widths so that the table fits its frame instead of growing sideways.
 */
export function RowsEditor({
  caption,
  columns,
  rows,
  onChange,
  blank,
  errors,
  addLabel,
  fixed = false,
  footer,
}: {
  caption: string;
  columns: Column[];
  rows: Row[];
  onChange: (rows: Row[]) => void;
  blank: () => Row;
  errors: Record<number, string>;
  addLabel: string;
  fixed?: boolean;
  /** Shown under the table, e.g. sums. */
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const uid = useId().replace(/:/g, '');
  const set = (i: number, key: string, v: Cell) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  return (
    <>
      {rows.length > 0 && (
        <TableWrap label={caption}>
          <table className={fixed ? 'data rows-editor fixed' : 'data rows-editor'}>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c.key} style={c.width ? { width: c.width } : undefined}>
                    {c.label}
                    {c.sub && <span className="th-sub">{c.sub}</span>}
                  </th>
                ))}
                <th scope="col" className="actions">
                  {t('common.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines are edited in place and have no id
                <tr key={i}>
                  {columns.map((c, ci) => {
                    const label = t('finance.cellLabel', { column: c.label, row: i + 1 });
                    const v = r[c.key];
                    const note = c.note?.(r) ?? null;
                    const noteId = `${uid}-${i}-${c.key}`;
                    const described = note ? noteId : undefined;
                    const option = (o: { value: string; label: string }) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    );
                    return (
                      <td key={c.key}>
                        {c.type === 'select' ? (
                          <select
                            aria-label={label}
                            aria-describedby={described}
                            value={String(v)}
                            onChange={(e) => set(i, c.key, e.target.value)}
                          >
                            {c.options?.map(option)}
                            {c.groups?.map((g) => (
                              <optgroup key={g.label} label={g.label}>
                                {g.options.map(option)}
                              </optgroup>
                            ))}
                          </select>
                        ) : c.type === 'checkbox' ? (
                          <input
                            type="checkbox"
                            aria-label={label}
                            aria-describedby={described}
                            checked={Boolean(v)}
                            onChange={(e) => set(i, c.key, e.target.checked)}
                          />
                        ) : (
                          <input
                            type={c.type === 'date' ? 'date' : 'text'}
                            inputMode={c.type === 'number' ? 'decimal' : undefined}
                            aria-label={label}
                            aria-describedby={described}
                            aria-invalid={errors[i] && ci === 0 ? true : undefined}
                            value={String(v)}
                            onChange={(e) => set(i, c.key, e.target.value)}
                          />
                        )}
                        {note && (
                          <span className="cell-note" id={noteId}>
                            {note}
                          </span>
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
      {rows.length > 0 && footer}
      <Button variant="secondary" onPress={() => onChange([...rows, blank()])}>
        {addLabel}
      </Button>
    </>
  );
}
