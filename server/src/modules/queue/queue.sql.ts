import type { DataSource, EntityManager } from 'typeorm';

/** Rows and affected count of one statement, whatever its command (TypeORM's plain query() varies by command). */
export interface SqlResult<R> {
  rows: R[];
  affected: number;
}

/** Runs one statement on a transaction's connection (EntityManager from dataSource.transaction). */
export async function sqlTx<R = Record<string, unknown>>(manager: EntityManager, text: string, params: unknown[] = []): Promise<SqlResult<R>> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('sqlTx needs a transactional EntityManager');
  const res = await runner.query(text, params, true);
  return { rows: (res.records ?? []) as R[], affected: res.affected ?? 0 };
}

/** Runs one statement on its own pooled connection (autocommit). */
export async function sql<R = Record<string, unknown>>(ds: DataSource, text: string, params: unknown[] = []): Promise<SqlResult<R>> {
  const runner = ds.createQueryRunner();
  try {
    const res = await runner.query(text, params, true);
    return { rows: (res.records ?? []) as R[], affected: res.affected ?? 0 };
  } finally {
    await runner.release();
  }
}

/**
 * Locks an experiment row, then (optionally) one of its trials. EVERY transaction of the queue that changes a trial's
 * status takes the experiment lock first: one lock order everywhere (no deadlocks between cancel, claim, finish and
 * reaper), and "is this the last unfinished trial?" is decided by one transaction at a time.
 */
export async function lockExperiment(manager: EntityManager, experimentId: string): Promise<{ status: string } | null> {
  const { rows } = await sqlTx<{ status: string }>(manager, 'SELECT status FROM experiment WHERE id = $1 FOR UPDATE', [experimentId]);
  return rows[0] ?? null;
}

/** Marks an experiment COMPLETED when it has no QUEUED or RUNNING trial left (caller holds the experiment lock). */
export async function completeExperimentIfDone(manager: EntityManager, experimentId: string): Promise<boolean> {
  const { affected } = await sqlTx(manager, `
    UPDATE experiment SET status = 'COMPLETED', updated_at = now()
    WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')
      AND NOT EXISTS (SELECT 1 FROM trial WHERE experiment_id = $1 AND status IN ('QUEUED', 'RUNNING'))`, [experimentId]);
  return affected > 0;
}

/** Error text safe to store and show: the message only (never a stack), bounded. */
export function publicErrorMessage(err: unknown): string {
  const raw = err instanceof Error ? `${err.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err.message}` : String(err);
  const firstLines = raw.split('\n').filter((l) => !/^\s+at\s/.test(l)).join('\n').trim();
  return (firstLines || 'trial failed').slice(0, 2000);
}
