import { pct, ratePct } from '@/lib/format';

interface Reported { id: string; tableKey: string; rowKey: string; columnKey: string; dataset: string; labels: number; algorithm: string; rate: number; density?: string | null; attackKind: string; successes: number; trials: number }
interface Reproduced { reportedResultId: string; attack: string; preset: string; successes: number; trials: number; wilsonLow?: number | null; wilsonHigh?: number | null; nearChanceTrials: number; experimentCount: number }
export interface PublicationView {
  slug: string; title: string; authors: string; venue: string; year: number; arxiv?: string | null; citation: string; bibtex: string; permalink: string;
  reportedResults: Reported[]; reproductions: Reproduced[];
}

const tableTitle = (key: string) => key.replace(/_/g, ' ').replace(/^table(\d+)/, 'Table $1:');

/** One paper: its reference, then each of its tables with the paper's k/n beside what the platform reproduced. */
export function PublicationTables({ p, heading = 'h2' }: { p: PublicationView; heading?: 'h1' | 'h2' }) {
  const H = heading;
  const byReported = new Map<string, Reproduced[]>();
  for (const r of p.reproductions) byReported.set(r.reportedResultId, [...(byReported.get(r.reportedResultId) ?? []), r]);
  const tables = new Map<string, Reported[]>();
  for (const r of p.reportedResults) tables.set(r.tableKey, [...(tables.get(r.tableKey) ?? []), r]);
  return (
    <section id={p.slug} aria-labelledby={`pub-${p.slug}`}>
      <H id={`pub-${p.slug}`}><a href={p.permalink}>{p.title}</a></H>
      <p className="small">{p.citation}{p.arxiv ? <> · <a href={`https://arxiv.org/abs/${p.arxiv}`}>arXiv:{p.arxiv}</a></> : null}</p>
      <details>
        <summary>BibTeX</summary>
        <pre className="scroll" tabIndex={0} aria-label={`BibTeX of ${p.title}`}>{p.bibtex}</pre>
      </details>
      {[...tables.entries()].map(([key, cells]) => (
        <div key={key} className="scroll" tabIndex={0} role="region" aria-label={tableTitle(key)}>
          <table className="data" data-testid={`paper-table-${key}`}>
            <caption>{tableTitle(key)}: the paper&apos;s k/n beside the platform&apos;s (finished trials you may see, no defense, ranked trials only)</caption>
            <thead>
              <tr><th>Row</th><th>Column</th><th>Setting</th><th className="num">Paper</th><th>Reproduced (attack, preset: k/n, Wilson 95%)</th></tr>
            </thead>
            <tbody>
              {cells.map((c) => {
                const mine = byReported.get(c.id) ?? [];
                return (
                  <tr key={c.id}>
                    <td>{c.rowKey}</td><td>{c.columnKey}</td>
                    <td className="small">{c.dataset} · {c.labels} labels · {c.algorithm} · {ratePct(c.rate)}{c.density ? ` · ${c.density}` : ''}</td>
                    <td className="num">{c.successes}/{c.trials}</td>
                    <td className="small">
                      {mine.length === 0 ? <span className="muted">not yet reproduced</span> : mine.map((m) => (
                        <div key={`${m.attack}|${m.preset}`}>
                          {m.attack}, {m.preset}: <strong>{m.successes}/{m.trials}</strong>
                          {m.wilsonLow != null && m.wilsonHigh != null ? ` [${pct(m.wilsonLow)}–${pct(m.wilsonHigh)}]` : ''}
                          {m.nearChanceTrials ? ` (+${m.nearChanceTrials} near chance)` : ''} · {m.experimentCount} experiment{m.experimentCount === 1 ? '' : 's'}
                        </div>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
