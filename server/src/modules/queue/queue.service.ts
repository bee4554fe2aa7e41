import type { DataSource } from 'typeorm';
import { Actor, canRead, requireRole } from '../../common/auth';
import { AppError, badInput, notFound } from '../../common/errors';
import { requeueTrials } from './queue.reaper';
import { queueRuntime } from './queue.runtime';
import { lockExperiment, sql, sqlTx } from './queue.sql';
import { isUuid } from '../../common/uuid';

/** Counts and rates of one experiment's trials (GraphQL type ExperimentProgress). */
export interface ExperimentProgressData {
  experimentId: string;
  total: number;
  queued: number;
  running: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  /** Trials that reached SUCCEEDED or FAILED per minute over the last RATE_WINDOW_S seconds (or since the first start). */
  trialsPerMinute: number;
  /** Seconds until QUEUED + RUNNING trials are done at the current rate; null when nothing runs or no rate yet. */
  etaSeconds: number | null;
  /** Latest change to any trial of the experiment (start, heartbeat excluded, finish): lets a poller skip re-renders. */
  updatedAt: Date | null;
}

/** Window of the trials-per-minute rate. */
export const RATE_WINDOW_S = 600;

interface ExperimentRow { id: string; organization_id: string; visibility: string; status: string }

/**
 * The experiment life cycle beyond creation and cancellation (ExperimentService owns those; the queue joins their
 * transactions through queue.hooks.ts): retry failures, progress.
 */
export class QueueLifecycleService {
  constructor(private readonly ds: DataSource) {}

  private async experimentFor(actor: Actor | null, id: string, write: boolean): Promise<ExperimentRow> {
    if (!isUuid(id)) throw notFound('Experiment', id);
    const { rows } = await sql<ExperimentRow>(this.ds,
      'SELECT id, organization_id, visibility, status FROM experiment WHERE id = $1', [id]);
    const e = rows[0];
    // invisible private experiments look exactly like missing ones
    if (!e || !canRead(actor, e.organization_id, e.visibility === 'PUBLIC')) throw notFound('Experiment', id);
    if (write) requireRole(actor, e.organization_id);
    return e;
  }

  /**
   * Re-queues the FAILED trials of an experiment (new jobs in the same transaction; attempts keep counting, the error
   * is cleared). Refused on a cancelled experiment. Returns the number of trials re-queued.
   */
  async retryFailedTrials(actor: Actor | null, id: string): Promise<number> {
    await this.experimentFor(actor, id, true);
    const rt = queueRuntime();
    if (!rt) throw new AppError('INTERNAL_SERVER_ERROR', 'the job queue is not running');
    return this.ds.transaction(async (m) => {
      const exp = await lockExperiment(m, id);
      if (!exp) throw notFound('Experiment', id);
      if (exp.status === 'CANCELLED') throw badInput('This experiment was cancelled; its trials cannot be retried');
      const { rows } = await sqlTx<{ id: string; preset: unknown }>(m, `
        SELECT id, config->'preset' AS preset FROM trial WHERE experiment_id = $1 AND status = 'FAILED' FOR UPDATE`, [id]);
      if (!rows.length) return 0;
      await sqlTx(m, `UPDATE trial SET error = NULL, lost_count = 0 WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      await requeueTrials(rt.boss, rt.cfg, m, rows.map((r) => ({ id: r.id, experimentId: id, preset: r.preset })));
      await sqlTx(m, `UPDATE experiment SET status = 'RUNNING', updated_at = now() WHERE id = $1`, [id]);
      return rows.length;
    });
  }

  /** Progress of several experiments in ONE query (the DataLoader batch function; no per-experiment query). */
  async progressMany(ids: readonly string[]): Promise<ExperimentProgressData[]> {
    const { rows } = await sql<Record<string, string | number | Date | null>>(this.ds, `
      SELECT e.id AS experiment_id, e.trial_count AS total,
        count(t.id) FILTER (WHERE t.status = 'QUEUED')::int AS queued,
        count(t.id) FILTER (WHERE t.status = 'RUNNING')::int AS running,
        count(t.id) FILTER (WHERE t.status = 'SUCCEEDED')::int AS succeeded,
        count(t.id) FILTER (WHERE t.status = 'FAILED')::int AS failed,
        count(t.id) FILTER (WHERE t.status = 'CANCELLED')::int AS cancelled,
        count(t.id) FILTER (WHERE t.status IN ('SUCCEEDED', 'FAILED') AND t.finished_at > now() - make_interval(secs => $2))::int AS recent,
        extract(epoch FROM now() - min(t.started_at))::float8 AS since_first_start,
        max(t.updated_at) AS updated_at
      FROM experiment e LEFT JOIN trial t ON t.experiment_id = e.id
      WHERE e.id = ANY($1::uuid[])
      GROUP BY e.id`, [ids, RATE_WINDOW_S]);
    const byId = new Map(rows.map((r) => [String(r.experiment_id), r]));
    return ids.map((id) => {
      const r = byId.get(id);
      if (!r) return { experimentId: id, total: 0, queued: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0, trialsPerMinute: 0, etaSeconds: null, updatedAt: null };
      const n = (k: string) => Number(r[k] ?? 0);
      const windowS = Math.min(RATE_WINDOW_S, Math.max(1, n('since_first_start')));
      const tpm = r.since_first_start == null ? 0 : (n('recent') / windowS) * 60;
      const left = n('queued') + n('running');
      return {
        experimentId: id, total: n('total'), queued: n('queued'), running: n('running'), succeeded: n('succeeded'),
        failed: n('failed'), cancelled: n('cancelled'),
        trialsPerMinute: Math.round(tpm * 100) / 100,
        etaSeconds: left > 0 && tpm > 0 ? Math.round((left / tpm) * 60) : null,
        updatedAt: (r.updated_at as Date | null) ?? null,
      };
    });
  }

  /** Progress of one experiment, with the read permission check. */
  async progress(actor: Actor | null, id: string): Promise<ExperimentProgressData> {
    await this.experimentFor(actor, id, false);
    return (await this.progressMany([id]))[0];
  }
}
