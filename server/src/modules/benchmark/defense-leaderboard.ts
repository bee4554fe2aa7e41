import { DataSource, In, IsNull, Not } from 'typeorm';
import { ReadCache } from '../../common/read-cache';
import { DefenseLeaderboardRow, DefenseSubmission, SUBMISSION_KIND_LABELS, SubmissionKind, SubmissionStatus } from './submission.entity';

interface Queryable { query(sql: string, params?: unknown[]): Promise<any> }

const SELECT = `
  SELECT s.id, s.label, s.kind, s.baseline, s.defense->>'kind' AS defense_kind, CASE WHEN s.baseline IS NULL THEN o.name END AS team,
         s.successes, s.trials, s.success_low, s.success_high, s.auc, s.tpr_at_1, s.tpr_at_5, s.clean_accuracy, s.clean_accuracy_drop,
         s.removed_poisons, s.removed_clean, s.created_at
    FROM defense_submission s LEFT JOIN organization o ON o.id = s.organization_id`;
const ORDER = 'ORDER BY s.success_high ASC, s.auc DESC NULLS LAST, s.created_at ASC LIMIT $2';
// Two statements rather than one with `(latest OR $all)`, so each matches its partial index's predicate.
const LATEST_SQL = `${SELECT} WHERE s.benchmark_id = $1 AND s.on_board AND s.latest ${ORDER}`;
const ALL_SQL = `${SELECT} WHERE s.benchmark_id = $1 AND s.on_board ${ORDER}`;

/**
 * The defense leaderboard of one benchmark, read from the aggregates stored when each submission was scored:
 * scored baselines and published submissions (each team's latest by default, all with `all`), ranked by the upper end
 * of the 95% Wilson interval of the attack's success after the defense (lower is better), then by mean AUC (higher is
 * better), then by submission time. One index range scan (defense_submission_board_idx / _board_latest_idx).
 */
export async function defenseLeaderboard(ds: Queryable, benchmarkId: string, all: boolean, limit = 200): Promise<DefenseLeaderboardRow[]> {
  const rows = await ds.query(all ? ALL_SQL : LATEST_SQL, [benchmarkId, limit]);
  return rows.map((r: Record<string, any>, i: number) => ({
    rank: i + 1, submissionId: r.id, label: r.label, kind: r.kind, kindLabel: SUBMISSION_KIND_LABELS[r.kind as SubmissionKind], baseline: r.baseline,
    defenseKind: r.defense_kind, team: r.team, successes: r.successes, trials: r.trials, successRate: r.successes / r.trials,
    successLow: r.success_low, successHigh: r.success_high, auc: r.auc, tprAt1: r.tpr_at_1, tprAt5: r.tpr_at_5,
    cleanAccuracy: r.clean_accuracy, cleanAccuracyDrop: r.clean_accuracy_drop,
    removedPoisons: r.removed_poisons, removedClean: r.removed_clean, submittedAt: r.created_at,
  }));
}

/**
 * The board as clients read it: served from the read cache, which drops it whenever a result lands or a submission
 * of any benchmark changes (settled, published, queued: each NOTIFYs), so a board read is a memory lookup between
 * changes. Everything on it is public, so one entry serves every viewer.
 */
export class DefenseBoard {
  constructor(private readonly ds: DataSource, private readonly cache: ReadCache) {}

  rows(benchmarkId: string, all: boolean, limit: number): Promise<DefenseLeaderboardRow[]> {
    return this.cache.getOrCompute(`defense-board:${benchmarkId}:${all}:${limit}`, null, () => defenseLeaderboard(this.ds, benchmarkId, all, limit));
  }

  /** Baselines not scored yet (queued or scoring), with their stored progress. */
  pending(benchmarkId: string): Promise<DefenseSubmission[]> {
    return this.cache.getOrCompute(`defense-board-pending:${benchmarkId}`, null, () => this.ds.getRepository(DefenseSubmission).find({
      where: { benchmarkId, status: In([SubmissionStatus.RECEIVED, SubmissionStatus.SCORING]), baseline: Not(IsNull()) },
      order: { createdAt: 'ASC', id: 'ASC' },
    }));
  }
}

const COLUMNS: (keyof DefenseLeaderboardRow)[] = [
  'rank', 'label', 'kind', 'baseline', 'team', 'successes', 'trials', 'successRate', 'successLow', 'successHigh', 'auc', 'tprAt1', 'tprAt5',
  'cleanAccuracy', 'cleanAccuracyDrop', 'removedPoisons', 'removedClean', 'submittedAt', 'submissionId', 'kindLabel', 'defenseKind',
];

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : String(v);
  // Quote when needed; a leading =, +, - or @ is prefixed so spreadsheets never run a team's label as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The board as CSV (header row, one row per entry). */
export function leaderboardCsv(rows: DefenseLeaderboardRow[]): string {
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}
