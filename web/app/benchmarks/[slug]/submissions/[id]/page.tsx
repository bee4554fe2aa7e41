import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { gqlOrNotFound } from '@/lib/graphql';
import { DefenseSubmissionQuery } from '@/lib/queries';
import { getViewer } from '@/lib/session';
import { ApiFailure, StatusBadge } from '@/components/states';
import { AutoRefresh } from '@/components/auto-refresh';
import { ScoreHistogram } from '@/components/score-histogram';
import { kn, num } from '@/lib/benchmark-format';
import { dateTime } from '@/lib/format';
import { publishAction } from './actions';
import { failObjectPage } from '@/lib/page-status';

export const metadata: Metadata = { title: 'Defense submission' };
export const dynamic = 'force-dynamic';

export default async function SubmissionPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { id } = await params;
  const viewer = await getViewer();
  let data;
  try {
    data = await gqlOrNotFound(DefenseSubmissionQuery, { id });
  } catch (e) {
    failObjectPage(e);
    return <><h1>Defense submission</h1><ApiFailure error={e} /></>;
  }
  if (!data) notFound();
  const s = data.defenseSubmission;
  const mine = !!viewer && viewer.organizationId === s.organization?.id;
  return (
    <>
      <AutoRefresh active={s.status === 'SCORING' || s.status === 'RECEIVED'} ms={3000} />
      <p className="small"><Link href={`/benchmarks/${s.benchmark.slug}`}>{s.benchmark.name}</Link></p>
      <h1>{s.label}</h1>
      <p>
        <span data-testid="submission-status"><StatusBadge status={s.status} /></span>{' '}
        {s.status === 'SCORING' ? <span className="small" data-testid="submission-progress">{s.kind === 'VERIFIED_RUN' ? 'running' : 'retraining'} {s.progress.done}/{s.progress.total} replicates</span> : null}{' '}
        <span className="badge" data-testid="submission-kind">{s.kindLabel}</span>{' '}
        <span className="small muted">{describe(s)} · {s.organization?.name ?? 'frogpond'} · {dateTime(s.createdAt)}</span>
      </p>
      {s.status === 'FAILED' ? <div className="alert error" role="alert">{s.failureReason}</div> : null}
      {mine && s.status === 'SCORED' && !s.published ? (
        <form action={publishAction}><input type="hidden" name="id" value={s.id} /><input type="hidden" name="benchmark" value={s.benchmark.slug} />
          <p className="small">Private to your organization. <button type="submit" className="secondary">Publish to the board</button></p></form>
      ) : null}
      <table className="data">
        <tbody>
          <tr><th>Success after defense</th><td className="num" data-testid="success">{kn(s.successes, s.trials)}</td></tr>
          <tr><th>Mean ROC AUC</th><td className="num">{num(s.auc)}</td></tr>
          <tr><th>Mean TPR at 1% / 5% FPR</th><td className="num">{num(s.tprAt1)} / {num(s.tprAt5)}</td></tr>
          <tr><th>Removed poisons / clean</th><td className="num">{s.removedPoisons} / {s.removedClean}</td></tr>
          <tr><th>Removal</th><td className="num">{s.removalFraction === null || s.removalFraction === undefined ? 'indices listed in the file' : `highest ${num(s.removalFraction * 100, 1)}% of scores`}</td></tr>
          <tr><th>Mean clean accuracy after retraining</th><td className="num">{num(s.cleanAccuracy)}</td></tr>
        </tbody>
      </table>
      <h2>Per replicate</h2>
      <div className="scroll" tabIndex={0} role="region" aria-label="Results per replicate">
        <table className="data">
          <thead><tr><th>Replicate</th><th className="num">AUC</th><th className="num">TPR@1%</th><th className="num">Removed (poisons / clean)</th><th>Attack after defense</th><th className="num">Clean acc.</th><th>Scores</th></tr></thead>
          <tbody>
            {s.replicateScores.map((r) => (
              <tr key={r.replicate}>
                <td className="mono">{r.replicate}</td><td className="num">{num(r.auc)}</td><td className="num">{num(r.tprAt1)}</td>
                <td className="num">{r.removedPoisons}/{r.poisons} / {r.removedClean}/{r.clean}</td>
                <td>{r.success === null || r.success === undefined ? <span className="muted">pending</span> : r.success ? 'succeeded' : 'defeated'}</td>
                <td className="num">{num(r.cleanAccuracy)}</td>
                <td style={{ minWidth: 260 }}><ScoreHistogram {...r.histogram} label={r.replicate} height={140} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** What was submitted: the server's baseline, the score file, or the defense a verified run ran with its parameters. */
function describe(s: { kind: string; baseline?: string | null; fileName?: string | null; fileBytes?: number | null; fileSha256?: string | null; defense?: { kind: string; params: unknown } | null }): string {
  if (s.defense) return `${s.baseline ? 'built-in baseline: ' : ''}${s.defense.kind} ${JSON.stringify(s.defense.params)}`;
  if (s.kind === 'BASELINE') return 'server baseline';
  return `score file ${s.fileName} (${s.fileBytes} bytes, sha256 ${s.fileSha256?.slice(0, 12)}…)`;
}
