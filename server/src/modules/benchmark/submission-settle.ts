import type { EntityManager } from 'typeorm';
import type { DefenseReport } from '@frogpond/compute';
import { wilsonInterval } from '@frogpond/compute/stats';
import { RESULTS_CHANNEL } from '../../common/read-cache';
import { scoreHistogram } from './submission-scoring';
import type { ReplicateScore } from './submission.entity';

/** The defense report a defended trial records (trial_result.detection), as far as a verified run reads it. */
type TrialDefenseReport = Pick<DefenseReport, 'mode' | 'removedPoisons' | 'poisons' | 'cleanRemoved' | 'clean' | 'rocAuc' | 'tprAt1Fpr' | 'tprAt5Fpr' | 'scores'>;

interface TrialRow {
  replicate: number;
  status: string;
  success: boolean | null;
  clean_accuracy: number | null;
  has_result: boolean;
  detection: TrialDefenseReport | null;
  error: string | null;
}

interface PendingRow {
  id: string;
  kind: string;
  benchmark_id: string;
  baseline: string | null;
  replicates: number;
}

/** The error name compute's defenses throw when their parameters do not fit the data or the schedule. */
const DEFENSE_PARAM_ERROR = 'DefenseParamError';
const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
const replicateId = (i: number) => `test-${String(i).padStart(2, '0')}`;
const mean = (xs: (number | null | undefined)[]) => {
  const v = xs.filter((x): x is number => typeof x === 'number');
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

/** Tells read caches (the board) that a benchmark's submissions changed. */
export async function notifyBoard(m: EntityManager, benchmarkId: string): Promise<void> {
  await m.query('SELECT pg_notify($1, $2)', [RESULTS_CHANNEL, `benchmark:${benchmarkId}`]);
}

/**
 * A verified run's detection row of one replicate, from the defense report its trial recorded. The trial's
 * unlabeled set is in the canonical order (clean examples first, the poisons appended), so its last `poisons`
 * scores are the poisons'. In detect mode nothing was removed before retraining.
 */
export function verifiedDetection(replicate: number, r: TrialDefenseReport): ReplicateScore {
  const poisons = r.poisons ?? 0;
  const scores = r.scores ?? [];
  const n = scores.length || poisons + (r.clean ?? 0);
  const isPoison = new Uint8Array(n);
  for (let i = n - poisons; i < n; i++) isPoison[i] = 1;
  const removes = r.mode !== 'detect';
  return {
    replicate: replicateId(replicate), auc: r.rocAuc ?? null, tprAt1: r.tprAt1Fpr ?? null, tprAt5: r.tprAt5Fpr ?? null,
    removedPoisons: removes ? r.removedPoisons : 0, removedClean: removes ? r.cleanRemoved ?? 0 : 0, poisons, clean: r.clean ?? n - poisons,
    histogram: scoreHistogram(scores.length ? scores : new Float64Array(n), isPoison),
  };
}

/**
 * Brings the submission scored by `experimentId` (if any) up to date with its trials, in the caller's transaction:
 * progress while trials finish (and, for a verified run, the detection rows of the finished replicates), then once
 * every trial is finished the one transition to SCORED with the board aggregates, or to FAILED (a platform failure,
 * not counted against the quota). The submission row is locked first, so two workers finishing the last two trials
 * serialise here and the second one sees both: a submission is scored exactly once.
 */
export async function settleSubmission(m: EntityManager, experimentId: string): Promise<void> {
  const [s]: PendingRow[] = await m.query(
    `SELECT id, kind, benchmark_id, baseline, replicates FROM defense_submission WHERE experiment_id = $1 AND status IN ('RECEIVED', 'SCORING') FOR UPDATE`,
    [experimentId]);
  if (!s) return;
  const verified = s.kind === 'verified-run';
  const trials: TrialRow[] = await m.query(
    `SELECT t.replicate, t.status::text AS status, r.success, r.clean_accuracy, r.id IS NOT NULL AS has_result, ${verified ? 'r.detection, t.error' : 'NULL::jsonb AS detection, NULL AS error'}
       FROM trial t LEFT JOIN trial_result r ON r.trial_id = t.id WHERE t.experiment_id = $1 ORDER BY t.replicate`, [experimentId]);
  const done = trials.filter((t) => FINISHED.has(t.status)).length;
  const failed = trials.filter((t) => t.status === 'FAILED' || t.status === 'CANCELLED');
  const ok = trials.filter((t) => t.status === 'SUCCEEDED' && t.has_result);
  const detection = verified ? ok.filter((t) => t.detection).map((t) => verifiedDetection(t.replicate, t.detection!)) : null;

  if (failed.length) {
    const which = failed.map((t) => replicateId(t.replicate)).join(', ');
    // A defense that refuses its setting says why (e.g. too few evaluations in the benchmark's schedule): that much
    // is actionable and names no example. Other errors of sequestered trials stay on the server.
    const said = failed.map((t) => t.error ?? '').find((e) => e.startsWith(`${DEFENSE_PARAM_ERROR}: `));
    const why = said ? ` (the defense refused its setting: ${said.slice(DEFENSE_PARAM_ERROR.length + 2, DEFENSE_PARAM_ERROR.length + 302)})` : '';
    await m.query(
      `UPDATE defense_submission SET status = 'FAILED', failure_kind = 'platform', progress_done = $2, scored_at = now(),
         failure_reason = $3 WHERE id = $1`,
      [s.id, done, `${verified ? 'The defended training' : 'Retraining'} failed on the server for ${which}${why}. This does not count against your daily quota: submit the same ${verified ? 'defense' : 'file'} again.`]);
  } else if (ok.length === trials.length && trials.length > 0) {
    const k = ok.filter((t) => t.success).length;
    const n = ok.length;
    const w = wilsonInterval(k, n)!;
    const acc = mean(ok.map((t) => t.clean_accuracy));
    const sets: string[] = [];
    const params: unknown[] = [s.id, done, k, n, acc, w.low, w.high];
    if (detection) {
      params.push(JSON.stringify(detection), mean(detection.map((d) => d.auc)), mean(detection.map((d) => d.tprAt1)), mean(detection.map((d) => d.tprAt5)),
        detection.reduce((a, d) => a + d.removedPoisons, 0), detection.reduce((a, d) => a + d.removedClean, 0));
      sets.push('detection = $8', 'auc = $9', 'tpr_at_1 = $10', 'tpr_at_5 = $11', 'removed_poisons = $12', 'removed_clean = $13');
    }
    await m.query(
      `UPDATE defense_submission SET status = 'SCORED', progress_done = $2, successes = $3, trials = $4, clean_accuracy = $5,
         success_low = $6, success_high = $7, scored_at = now(),
         on_board = published OR baseline IS NOT NULL, latest = baseline IS NOT NULL${sets.map((x) => `, ${x}`).join('')}
       WHERE id = $1`, params);
    await refreshDrops(m, s.benchmark_id, s.baseline === 'no-defense' ? null : s.id);
  } else {
    await m.query(
      `UPDATE defense_submission SET status = 'SCORING', progress_done = $2${detection ? ', detection = $3' : ''} WHERE id = $1`,
      detection ? [s.id, done, JSON.stringify(detection)] : [s.id, done]);
  }
  await notifyBoard(m, s.benchmark_id);
}

/**
 * Clean-accuracy drop against the benchmark's scored no-defense baseline: of one submission (`id`), or of every
 * scored submission when the baseline itself was just scored (`id` null).
 */
async function refreshDrops(m: EntityManager, benchmarkId: string, id: string | null): Promise<void> {
  await m.query(
    `UPDATE defense_submission s SET clean_accuracy_drop = b.clean_accuracy - s.clean_accuracy
       FROM defense_submission b
      WHERE b.benchmark_id = $1 AND b.baseline = 'no-defense' AND b.status = 'SCORED'
        AND s.benchmark_id = $1 AND s.status = 'SCORED' AND ($2::uuid IS NULL OR s.id = $2)`, [benchmarkId, id]);
}

/**
 * Marks the newest published, scored submission of each of the given organizations as its team's latest entry on
 * the board (the default board shows one entry per team).
 */
export async function refreshLatest(m: EntityManager, benchmarkId: string, organizationId: string): Promise<void> {
  await m.query(
    `UPDATE defense_submission s SET latest = (s.id = l.id)
       FROM (SELECT id FROM defense_submission WHERE benchmark_id = $1 AND organization_id = $2 AND baseline IS NULL AND on_board
              ORDER BY created_at DESC, id DESC LIMIT 1) l
      WHERE s.benchmark_id = $1 AND s.organization_id = $2 AND s.baseline IS NULL AND s.latest IS DISTINCT FROM (s.id = l.id)`,
    [benchmarkId, organizationId]);
}
