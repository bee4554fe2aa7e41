import { pct, shade } from '@/lib/format';

export interface PairCell { source: number; target: number; successes: number; trials: number }

/** Source-class x target-class success heatmap (rows: source class y*, columns: target's true class). */
export function ClassHeatmap({ cells, classes, classNames }: { cells: PairCell[]; classes: number; classNames?: string[] }) {
  if (cells.length === 0) return <div className="empty-state">No finished trials to place on the class grid yet.</div>;
  const at = new Map(cells.map((c) => [`${c.source},${c.target}`, c]));
  const name = (i: number) => classNames?.[i] ?? String(i);
  const idx = Array.from({ length: classes }, (_, i) => i);
  return (
    <div className="scroll" tabIndex={0} role="region" aria-label="Target label by true class">
      <p className="muted small" style={{ margin: '4px 0 8px' }}>Rows: the attacker&apos;s label y* (the source&apos;s class) · columns: the target&apos;s true class c · cells: attack successes / finished trials.</p>
      <table className="heatmap" data-testid="heatmap">
        <thead>
          <tr>
            <th scope="col">y* \ c</th>
            {idx.map((t) => <th scope="col" key={t}>{name(t)}</th>)}
          </tr>
        </thead>
        <tbody>
          {idx.map((s) => (
            <tr key={s}>
              <th scope="row">{name(s)}</th>
              {idx.map((t) => {
                const c = at.get(`${s},${t}`);
                if (!c || c.trials === 0) return <td key={t} style={{ background: s === t ? 'var(--th-bg)' : 'var(--panel)' }} />;
                const rate = c.successes / c.trials;
                return (
                  <td key={t} style={{ background: shade(rate) }} title={`${name(s)} ← ${name(t)}: ${c.successes}/${c.trials} (${pct(rate)})`}>
                    {c.successes}/{c.trials}
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
