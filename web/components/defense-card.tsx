import { pct } from '@/lib/format';

/** The defense report a trial stores (compute's TrialOutcome.defense); older results carry only the first fields. */
interface DefenseReport {
  kind?: string;
  mode?: string;
  removed?: number;
  removedPoisons?: number;
  poisons?: number;
  cleanRemoved?: number;
  clean?: number;
  truePositiveRate?: number | null;
  falsePositiveRate?: number | null;
  rocAuc?: number | null;
  tprAt1Fpr?: number | null;
  tprAt5Fpr?: number | null;
  undefended?: { success: boolean; cleanAccuracy: number; targetPrediction: number };
}

const num = (v: number | null | undefined, digits = 3) => (v == null ? '–' : v.toFixed(digits));
const count = (k: number | undefined, n: number | undefined) => (k == null ? '–' : n == null ? String(k) : `${k} / ${n} (${pct(n ? k / n : null, 1)})`);

/** A trial's defense, labelled: removals against the true poisons, score quality, and the outcome with and without it. */
export function DefenseCard({ report, success, cleanAccuracy }: { report: DefenseReport; success: boolean; cleanAccuracy: number | null | undefined }) {
  const u = report.undefended;
  return (
    <dl className="kv panel" data-testid="detection">
      <dt>Defense</dt><dd className="mono">{report.kind}{report.mode ? ` (${report.mode})` : ''}</dd>
      <dt>Poisons removed</dt><dd>{count(report.removedPoisons, report.poisons)}</dd>
      <dt>Clean examples removed</dt><dd>{count(report.cleanRemoved ?? (report.removed != null && report.removedPoisons != null ? report.removed - report.removedPoisons : undefined), report.clean)}</dd>
      <dt>ROC AUC of the suspicion score</dt><dd>{num(report.rocAuc)}</dd>
      <dt>TPR at 1 % / 5 % FPR</dt><dd>{num(report.tprAt1Fpr, 2)} / {num(report.tprAt5Fpr, 2)}</dd>
      {u ? (
        <>
          <dt>Attack without → with the defense</dt><dd>{u.success ? 'succeeded' : 'failed'} → {success ? 'succeeded' : 'failed'}</dd>
          <dt>Clean accuracy without → with</dt><dd>{pct(u.cleanAccuracy, 1)} → {pct(cleanAccuracy, 1)}</dd>
        </>
      ) : null}
    </dl>
  );
}
