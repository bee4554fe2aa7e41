'use client';

import { useMemo, useState } from 'react';
import {
  createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState,
} from '@tanstack/react-table';
import { pct, shade, SHADE_TEXT } from '@/lib/format';
import type { CellView } from './matrix-table';

interface PivotRow { key: string; parts: string[]; cells: Record<string, CellView | undefined> }

const key = (parts: string[]) => parts.join(' · ');
const rateOf = (c: CellView | undefined) => (c && c.trials ? c.successes / c.trials : undefined);

/**
 * The experiment's pivot table (TanStack Table): one column per row dimension, then one per column coordinate
 * grouped under the first column dimension. Each cell shows k/n, its Wilson 95% interval and the paper's value; a
 * cell whose trials all ran a defense shows the rate with the defense above the same trials' rate without it, and
 * the defense's AUC and removals; every header sorts (by the rate with the defense); headers stay in view while the table scrolls in its own box.
 */
export function PivotTable({ cells, rowDims, live }: { cells: CellView[]; rowDims: string[]; live: boolean }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const { data, columns } = useMemo(() => build(cells, rowDims), [cells, rowDims]);
  const table = useReactTable({
    data, columns, state: { sorting }, onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel(),
  });
  if (cells.length === 0) return <div className="empty-state">No finished trials in this view yet.</div>;
  const groups = table.getHeaderGroups();
  return (
    <div className="sticky-box" tabIndex={0} role="region" aria-label="Results table">
      <table className="paper" data-testid="matrix">
        <thead>
          {groups.map((g, gi) => (
            <tr key={g.id} className={gi < groups.length - 1 ? 'group' : undefined}>
              {g.headers.map((h) => {
                const sortable = h.column.getCanSort() && gi === groups.length - 1;
                const dir = h.column.getIsSorted();
                return (
                  <th key={h.id} colSpan={h.colSpan} scope={h.colSpan > 1 ? 'colgroup' : 'col'}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}>
                    {h.isPlaceholder ? null : sortable ? (
                      <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()}>
                        {flexRender(h.column.columnDef.header, h.getContext())}{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}
                      </button>
                    ) : flexRender(h.column.columnDef.header, h.getContext())}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((r) => (
            <tr key={r.id}>
              {r.getVisibleCells().map((c, i) => i < Math.max(1, rowDims.length)
                ? <th scope="row" key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</th>
                : <Cell key={c.id} cell={r.original.cells[c.column.id]} rowKey={r.original.key} colKey={c.column.id} live={live} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ cell, rowKey, colKey, live }: { cell?: CellView; rowKey: string; colKey: string; live: boolean }) {
  if (!cell || cell.trials === 0) {
    const waiting = cell?.scheduled ? (live ? `${cell.scheduled} pending` : `${cell.scheduled} unfinished`) : '–';
    return (
      <td className="empty">
        {waiting}
        {cell?.reported ? <span className="paper">paper {cell.reported}</span> : null}
      </td>
    );
  }
  const rate = cell.successes / cell.trials;
  const u = cell.without;
  const d = cell.detection;
  const title = `${u ? 'with the defense ' : ''}${cell.successes}/${cell.trials} = ${pct(rate, 1)}; Wilson 95% interval ${pct(cell.low, 1)}–${pct(cell.high, 1)}` +
    (cell.cleanAccuracy != null ? `; clean accuracy ${pct(cell.cleanAccuracy, 1)}` : '') + (u ? `; ${withoutText(u)}` : '') +
    (d?.tprAt5Fpr != null ? `; TPR at 5% FPR ${pct(d.tprAt5Fpr, 1)}` : '') +
    (d?.cleanRemoved != null && d.clean ? `; clean examples removed ${d.cleanRemoved}/${d.clean}` : '') + (cell.reported ? `; paper reports ${cell.reported}` : '');
  return (
    <td style={{ background: shade(rate), color: SHADE_TEXT }} title={title} data-cell={`${rowKey}|${colKey}`}>
      {u ? <span className="arm">with defense</span> : null}
      <span className="k">{cell.successes}/{cell.trials}</span>
      <span className="ci">{pct(cell.low)}–{pct(cell.high)}</span>
      {u ? (
        <span className="without" data-testid="without-defense" style={u.trials ? { background: shade(u.successes / u.trials) } : undefined}>
          <span className="arm">without</span>
          <span className="k">{u.trials ? `${u.successes}/${u.trials}` : '–'}</span>
          {u.low != null && u.high != null ? <span className="ci">{pct(u.low)}–{pct(u.high)}</span> : null}
        </span>
      ) : null}
      {d?.rocAuc != null ? <span className="det">AUC {d.rocAuc.toFixed(2)}</span> : null}
      {d?.poisonsRemoved != null && d.poisons ? <span className="det">removed {d.poisonsRemoved}/{d.poisons} poisons</span> : null}
      {cell.reported ? <span className="paper">paper {cell.reported}</span> : null}
    </td>
  );
}

function withoutText(u: NonNullable<CellView['without']>): string {
  if (!u.trials) return 'without the defense: not recorded';
  return `without the defense ${u.successes}/${u.trials} = ${pct(u.successes / u.trials, 1)}` +
    (u.low != null && u.high != null ? ` (Wilson 95% ${pct(u.low, 1)}–${pct(u.high, 1)})` : '') +
    (u.cleanAccuracy != null ? `, clean accuracy ${pct(u.cleanAccuracy, 1)}` : '');
}

function build(cells: CellView[], rowDims: string[]) {
  const byRow = new Map<string, PivotRow>();
  const colParts = new Map<string, string[]>();
  for (const c of cells) {
    const rk = key(c.row);
    const ck = key(c.column) || 'all';
    colParts.set(ck, c.column);
    const row = byRow.get(rk) ?? { key: rk, parts: c.row, cells: {} };
    row.cells[ck] = c;
    byRow.set(rk, row);
  }
  const helper = createColumnHelper<PivotRow>();
  const dimCols: ColumnDef<PivotRow, string>[] = (rowDims.length ? rowDims : ['']).map((d, i) =>
    helper.accessor((r) => r.parts[i] ?? 'all', { id: `dim:${i}`, header: d || 'All trials', cell: (ctx) => ctx.getValue() || 'all' }),
  );
  const valueCol = (ck: string, header: string) =>
    helper.accessor((r) => rateOf(r.cells[ck]), {
      id: ck, header: header || 'all', sortDescFirst: true, sortUndefined: 'last',
      sortingFn: (a, b, id) => (a.getValue<number>(id) ?? -1) - (b.getValue<number>(id) ?? -1),
    }) as ColumnDef<PivotRow, string>;
  const colKeys = [...colParts.keys()];
  const grouped = colKeys.length > 1 && (colParts.get(colKeys[0])?.length ?? 0) > 1;
  let valueCols: ColumnDef<PivotRow, string>[];
  if (!grouped) valueCols = colKeys.map((ck) => valueCol(ck, ck));
  else {
    const groups: { label: string; keys: string[] }[] = [];
    for (const ck of colKeys) {
      const head = colParts.get(ck)![0];
      const last = groups[groups.length - 1];
      if (last && last.label === head) last.keys.push(ck);
      else groups.push({ label: head, keys: [ck] });
    }
    valueCols = groups.map((g, i) => helper.group({
      id: `group:${i}`, header: g.label,
      columns: g.keys.map((ck) => valueCol(ck, colParts.get(ck)!.slice(1).join(' · '))),
    }) as ColumnDef<PivotRow, string>);
  }
  return { data: [...byRow.values()], columns: [...dimCols, ...valueCols] };
}
