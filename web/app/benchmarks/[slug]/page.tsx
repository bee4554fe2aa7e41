import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { gqlOrNotFound } from '@/lib/graphql';
import { BenchmarkQuery } from '@/lib/queries';
import { ApiFailure, Empty, StatusBadge } from '@/components/states';
import { AutoRefresh } from '@/components/auto-refresh';
import { bytes, kn, num } from '@/lib/benchmark-format';
import { dateTime } from '@/lib/format';
import { failObjectPage } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Benchmark' };
export const dynamic = 'force-dynamic';

export default async function BenchmarkPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  let data;
  try {
    data = await gqlOrNotFound(BenchmarkQuery, { slug });
  } catch (e) {
    failObjectPage(e);
    return <><h1>Benchmark</h1><ApiFailure error={e} /></>;
  }
  if (!data) notFound();
  const b = data.benchmark;
  const base = `/downloads/benchmarks/${b.slug}/v${b.version}`;
  const scoring = b.pendingBaselines.length > 0 || b.mySubmissions.some((s) => s.status === 'SCORING' || s.status === 'RECEIVED');
  return (
    <>
      <AutoRefresh active={scoring} ms={5000} />
      <h1>{b.name}</h1>
      <p className="muted mono small">{b.slug} v{b.version} · {b.license}</p>
      <p className="lead">{b.description}</p>
      <p><Link href={`/benchmarks/${b.slug}/submit`} className="button">Submit a defense</Link></p>

      <h2>Downloads</h2>
      <p className="small muted">A tar of NumPy arrays and a manifest.json with the sha256 of every file. Or: <code>frogpond benchmark download {b.slug} --split test --out DIR</code>, which checks the hashes.</p>
      <div className="scroll" tabIndex={0} role="region" aria-label="Downloads"><table className="data">
        <thead><tr><th>Split</th><th className="num">Replicates</th><th className="num">Size</th><th>sha256</th></tr></thead>
        <tbody>
          {b.downloads.map((d) => (
            <tr key={d.split}>
              <td><a href={d.path} download={d.fileName} data-testid={`download-${d.split.toLowerCase()}`}>{d.split === 'DEV' ? 'development (with poison indices)' : 'test (sequestered)'}</a></td>
              <td className="num">{d.replicates}</td><td className="num">{bytes(d.sizeBytes)}</td><td className="mono small hash">{d.sha256}</td>
            </tr>
          ))}
        </tbody>
      </table></div>

      <h2>Defense leaderboard</h2>
      <p className="small muted">
        Ranked by the upper end of the 95% Wilson interval of the attack&apos;s success after the defense (lower is better), then by mean ROC AUC.
        Export: <a href={`${base}/leaderboard.csv`}>CSV</a> · <a href={`${base}/leaderboard.json`}>JSON</a>
      </p>
      {b.leaderboard.length === 0 ? <Empty>No scored entries yet{b.pendingBaselines.length ? ': the baselines are being scored' : ''}.</Empty> : (
        <div className="scroll" tabIndex={0} role="region" aria-label="Defense leaderboard">
          <table className="data" data-testid="defense-board">
            <thead><tr><th className="num">#</th><th>Defense</th><th>Team</th><th>Kind</th><th className="num">Success after defense</th><th className="num">95% interval</th>
              <th className="num">AUC</th><th className="num">TPR@1%</th><th className="num">Clean acc. drop</th><th className="num">Removed (poisons / clean)</th><th>Submitted</th></tr></thead>
            <tbody>
              {b.leaderboard.map((r) => (
                <tr key={r.submissionId}>
                  <td className="num">{r.rank}</td>
                  <td><Link href={`/benchmarks/${b.slug}/submissions/${r.submissionId}`}>{r.label}</Link></td>
                  <td>{r.team ?? <span className="muted">server</span>}</td>
                  <td><span className="badge">{r.kindLabel}</span>{r.baseline && r.kind !== 'BASELINE' ? <span className="small muted"> (baseline)</span> : null}</td>
                  <td className="num">{kn(r.successes, r.trials)}</td>
                  <td className="num">{num(r.successLow, 2)}–{num(r.successHigh, 2)}</td>
                  <td className="num">{num(r.auc)}</td><td className="num">{num(r.tprAt1)}</td><td className="num">{num(r.cleanAccuracyDrop)}</td>
                  <td className="num">{r.removedPoisons} / {r.removedClean}</td><td className="small">{dateTime(r.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {b.pendingBaselines.length ? (
        <div className="alert info" data-testid="pending-baselines">
          <p style={{ margin: 0 }}>Baselines being scored (queued when the benchmark was created; they join the board when every replicate is done):</p>
          <ul style={{ margin: '6px 0 0' }}>
            {b.pendingBaselines.map((s) => (
              <li key={s.id}><Link href={`/benchmarks/${b.slug}/submissions/${s.id}`}>{s.label}</Link> <span className="small muted">({s.kindLabel}, {s.progress.done}/{s.progress.total} replicates)</span></li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>Baselines</h2>
      <div className="scroll" tabIndex={0} role="region" aria-label="Baselines"><table className="data">
        <thead><tr><th>Baseline</th><th>Kind</th><th>Status</th><th className="num">AUC</th><th className="num">Success after defense</th><th className="num">Clean accuracy</th></tr></thead>
        <tbody>
          {b.baselines.map((s) => (
            <tr key={s.id}>
              <td><Link href={`/benchmarks/${b.slug}/submissions/${s.id}`}>{s.label}</Link></td>
              <td><span className="badge">{s.kindLabel}</span></td>
              <td><StatusBadge status={s.status} />{s.status === 'SCORING' ? <span className="small muted"> {s.progress.done}/{s.progress.total}</span> : null}</td>
              <td className="num">{num(s.auc)}</td><td className="num">{kn(s.successes, s.trials)}</td><td className="num">{num(s.cleanAccuracy)}</td>
            </tr>
          ))}
        </tbody>
      </table></div>

      {b.mySubmissions.length ? (
        <>
          <h2>Your organization&apos;s submissions</h2>
          <div className="scroll" tabIndex={0} role="region" aria-label="Your organization's submissions"><table className="data">
            <thead><tr><th>Defense</th><th>Kind</th><th>Status</th><th className="num">AUC</th><th className="num">Success after defense</th><th>Published</th><th>Submitted</th></tr></thead>
            <tbody>
              {b.mySubmissions.map((s) => (
                <tr key={s.id}>
                  <td><Link href={`/benchmarks/${b.slug}/submissions/${s.id}`}>{s.label}</Link></td><td><span className="badge">{s.kindLabel}</span></td><td><StatusBadge status={s.status} /></td>
                  <td className="num">{num(s.auc)}</td><td className="num">{kn(s.successes, s.trials)}</td><td>{s.published ? 'yes' : 'private'}</td><td className="small">{dateTime(s.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table></div>
        </>
      ) : null}

      <h2>Configuration</h2>
      <p className="small muted">Every replicate is built from this trial configuration; development seeds {b.devSeeds.join(', ')}; {b.testReplicates} test replicates ({b.testReplicateIds[0]} to {b.testReplicateIds[b.testReplicateIds.length - 1]}).</p>
      <pre className="small scroll">{JSON.stringify(b.config, null, 2)}</pre>
    </>
  );
}
