import { pct, shade } from '@/lib/format';

/** One aggregated cell as the pages use it (adapted from the API's matrix cells). */
export interface CellView {
  row: string[];
  column: string[];
  successes: number;
  trials: number;
  low: number;
  high: number;
  cleanAccuracy?: number | null;
  /** the paper's reported k/n for this cell, if any */
  reported?: string | null;
  /** all trials of the cell, finished or not */
  scheduled?: number;
}

const key = (parts: string[]) => parts.join(' · ');

/** Paper-style table (booktabs look): k/n per cell shaded by rate, Wilson interval in the title. */
export function MatrixTable({ cells, rowTitle, caption }: { cells: CellView[]; rowTitle: string; caption?: string }) {
  if (cells.length === 0) return <div className="empty-state">No finished trials in this view yet.</div>;
  // The API orders cells by the raw coordinates (numbers as numbers): keep its order of first appearance.
  const rows = [...new Set(cells.map((c) => key(c.row)))];
  const cols = [...new Set(cells.map((c) => key(c.column)))];
  const byKey = new Map(cells.map((c) => [`${key(c.row)}\u0000${key(c.column)}`, c]));
  // Paper-style two-level header: the first column dimension spans its sub-columns (e.g. CIFAR-10 over 0.1% 0.2% 0.5%).
  const colParts = new Map(cells.map((c) => [key(c.column), c.column]));
  const grouped = cols.length > 1 && (colParts.get(cols[0])?.length ?? 0) > 1;
  const groups: { label: string; span: number }[] = [];
  if (grouped) for (const c of cols) {
    const head = colParts.get(c)![0];
    const last = groups[groups.length - 1];
    if (last && last.label === head) last.span += 1;
    else groups.push({ label: head, span: 1 });
  }
  const subLabel = (c: string) => (grouped ? colParts.get(c)!.slice(1).join(' · ') : c);
  return (
    <div className="scroll">
      {caption ? <p className="muted small" style={{ margin: '4px 0 8px' }}>{caption}</p> : null}
      <table className="paper" data-testid="matrix">
        <thead>
          {grouped ? (
            <tr className="group">
              <th scope="col" />
              {groups.map((g, i) => <th scope="colgroup" colSpan={g.span} key={`${g.label}-${i}`}>{g.label}</th>)}
            </tr>
          ) : null}
          <tr>
            <th scope="col">{rowTitle}</th>
            {cols.map((c) => (
              <th scope="col" key={c}>{subLabel(c) || 'all'}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th scope="row">{r || 'all'}</th>
              {cols.map((c) => {
                const cell = byKey.get(`${r}\u0000${c}`);
                if (!cell || cell.trials === 0)
                  return (
                    <td key={c} className="empty" title={cell?.scheduled ? `${cell.scheduled} trials scheduled, none finished yet` : undefined}>
                      {cell?.scheduled ? `${cell.scheduled} pending` : '–'}
                      {cell?.reported ? <span className="paper">paper {cell.reported}</span> : null}
                    </td>
                  );
                const rate = cell.successes / cell.trials;
                const title =
                  `${cell.successes}/${cell.trials} = ${pct(rate, 1)}; Wilson 95% interval ${pct(cell.low, 1)}–${pct(cell.high, 1)}` +
                  (cell.cleanAccuracy != null ? `; clean accuracy ${pct(cell.cleanAccuracy, 1)}` : '') +
                  (cell.reported ? `; paper reports ${cell.reported}` : '');
                return (
                  <td key={c} style={{ background: shade(rate) }} title={title} data-cell={`${r}|${c}`}>
                    <span className="k">{cell.successes}/{cell.trials}</span>
                    {cell.reported ? <span className="paper">paper {cell.reported}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
