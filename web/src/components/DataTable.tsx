import type { ReactNode } from 'react';
import { Empty } from './Page';
import { TableWrap } from './TableWrap';

export interface Column<T> {
  /** Column header (text or markup). */
  header: ReactNode;
  /** The cell of one row. */
  cell: (row: T) => ReactNode;
  /** Right-aligned figures (class `num`). */
  numeric?: boolean;
  /** The row's header cell (`<th scope="row">`) — usually the name column. */
  rowHeader?: boolean;
}

/**
 * The app's data table: a named, keyboard-scrollable table with a caption, header cells with scope, and an
 * empty state in words instead of an empty grid. `footer` adds a `<tfoot>` (sums).
 */
export function DataTable<T>({
  label,
  caption,
  columns,
  rows,
  rowKey,
  empty,
  footer,
  className = 'data',
}: {
  /** Accessible name of the scroll region (and caption when `caption` is not given). */
  label: string;
  caption?: ReactNode;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  footer?: ReactNode;
  /** Table classes; `data` (the app's table style) unless given. */
  className?: string;
}) {
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <TableWrap label={label}>
      <table className={className}>
        <caption className={caption ? undefined : 'visually-hidden'}>{caption ?? label}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
              <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
                  <th key={i} scope="row" className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
                  <td key={i} className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </TableWrap>
  );
}
