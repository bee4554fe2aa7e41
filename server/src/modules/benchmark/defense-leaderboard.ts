import { DataSource } from 'typeorm';
import { Z95 } from '@frogpond/compute/stats';
import { DefenseLeaderboardRow } from './submission.entity';

/**
 * The defense leaderboard of one benchmark, in one SQL statement: scored baselines and published submissions
 * (each team's latest by default, all with `all`), ranked by the upper end of the 95% Wilson interval of the attack's
 * success after the defense (lower is better), then by mean AUC (higher is better), then by submission time.
 */
export async function defenseLeaderboard(ds: DataSource, benchmarkId: string, all: boolean, limit = 200): Promise<DefenseLeaderboardRow[]> {
  const rows = await ds.query(`
    WITH base AS (
      SELECT clean_accuracy FROM defense_submission WHERE benchmark_id = $1 AND baseline = 'no-defense' AND status = 'SCORED'
    ), latest AS (
      SELECT s.*, row_number() OVER (PARTITION BY coalesce(s.organization_id::text, s.baseline) ORDER BY s.created_at DESC) AS rn
        FROM defense_submission s
       WHERE s.benchmark_id = $1 AND s.status = 'SCORED' AND s.trials > 0 AND (s.published OR s.kind = 'baseline')
    ), scored AS (
      SELECT l.*, l.successes::float8 / l.trials AS p, $2::float8 * $2::float8 AS z2 FROM latest l WHERE $3::boolean OR l.rn = 1
    )
    SELECT s.id, s.label, s.kind, s.baseline, o.name AS team, s.successes, s.trials, s.p,
           greatest(0, ((s.p + s.z2 / (2 * s.trials)) - $2 * sqrt(s.p * (1 - s.p) / s.trials + s.z2 / (4.0 * s.trials * s.trials))) / (1 + s.z2 / s.trials)) AS low,
           least(1, ((s.p + s.z2 / (2 * s.trials)) + $2 * sqrt(s.p * (1 - s.p) / s.trials + s.z2 / (4.0 * s.trials * s.trials))) / (1 + s.z2 / s.trials)) AS high,
           s.auc, s.tpr_at_1, s.tpr_at_5, s.clean_accuracy, (SELECT clean_accuracy FROM base) - s.clean_accuracy AS drop,
           s.removed_poisons, s.removed_clean, s.created_at
      FROM scored s LEFT JOIN organization o ON o.id = s.organization_id
     ORDER BY high ASC, s.auc DESC NULLS LAST, s.created_at ASC
     LIMIT $4`, [benchmarkId, Z95, all, limit]);
  return rows.map((r: Record<string, any>, i: number) => ({
    rank: i + 1, submissionId: r.id, label: r.label, kind: r.kind, baseline: r.baseline, team: r.team,
    successes: r.successes, trials: r.trials, successRate: r.p, successLow: r.low, successHigh: r.high,
    auc: r.auc, tprAt1: r.tpr_at_1, tprAt5: r.tpr_at_5, cleanAccuracy: r.clean_accuracy, cleanAccuracyDrop: r.drop,
    removedPoisons: r.removed_poisons, removedClean: r.removed_clean, submittedAt: r.created_at,
  }));
}

const COLUMNS: (keyof DefenseLeaderboardRow)[] = [
  'rank', 'label', 'kind', 'baseline', 'team', 'successes', 'trials', 'successRate', 'successLow', 'successHigh', 'auc', 'tprAt1', 'tprAt5',
  'cleanAccuracy', 'cleanAccuracyDrop', 'removedPoisons', 'removedClean', 'submittedAt', 'submissionId',
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
