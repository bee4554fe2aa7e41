import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { RunningServer } from '../../server/src/server';
import { Actor } from '../../server/src/common/auth';

/** dist/test/integration -> dist/server/src */
export const DIST_SERVER = path.resolve(__dirname, '../../server/src');
export const WORKER_JS = path.join(DIST_SERVER, 'worker.js');
export const MAIN_JS = path.join(DIST_SERVER, 'main.js');

/** Short lease/heartbeat so a SIGKILLed worker's trial is picked up within seconds in tests. */
export const FAST_QUEUE_ENV = {
  FROGPOND_LEASE_SECONDS: '4',
  FROGPOND_HEARTBEAT_MS: '500',
  FROGPOND_POLL_MS: '500',
  FROGPOND_REAP_MS: '1000',
};

export interface Proc {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first output line matching `re` (already printed or future). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawns `node <script>` with env, collecting stdout+stderr lines (printed with a prefix when QUEUE_TEST_VERBOSE). */
export function spawnNode(script: string, env: Record<string, string>, label: string): Proc {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<(l: string) => void>();
  const onData = (buf: Buffer) => {
    for (const l of buf.toString().split('\n').filter(Boolean)) {
      lines.push(l);
      if (process.env.QUEUE_TEST_VERBOSE) console.log(`[${label}] ${l}`);
      for (const f of listeners) f(l);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child, lines, exited,
    waitFor(re, timeoutMs = 60_000) {
      const hit = lines.find((l) => re.test(l));
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => { listeners.delete(f); reject(new Error(`${label}: no line matching ${re} within ${timeoutMs} ms; last lines:\n${lines.slice(-15).join('\n')}`)); }, timeoutMs);
        const f = (l: string) => { if (re.test(l)) { clearTimeout(t); listeners.delete(f); resolve(l); } };
        listeners.add(f);
      });
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export function spawnWorker(url: string, label: string, extra: Record<string, string> = {}): Proc {
  return spawnNode(WORKER_JS, { DATABASE_URL: url, ...FAST_QUEUE_ENV, ...extra }, label);
}

/** Polls `fn` until it returns a truthy value. */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 90_000, everyMs = 250): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface TrialRow { id: string; ordinal: number; status: string; attempts: number; worker: string | null; error: string | null; lost_count: number; job_id: string | null }

export async function trialsOf(ds: DataSource, experimentId: string): Promise<TrialRow[]> {
  return ds.query(`SELECT id, ordinal, status, attempts, worker, error, lost_count, job_id FROM trial WHERE experiment_id = $1 ORDER BY ordinal`, [experimentId]);
}

export async function resultCounts(ds: DataSource, experimentId: string): Promise<Map<string, number>> {
  const rows: { trial_id: string; n: number }[] = await ds.query(`
    SELECT r.trial_id, count(*)::int AS n FROM trial_result r JOIN trial t ON t.id = r.trial_id
    WHERE t.experiment_id = $1 GROUP BY r.trial_id`, [experimentId]);
  return new Map(rows.map((r) => [r.trial_id, r.n]));
}

export async function statusCounts(ds: DataSource, experimentId: string): Promise<Record<string, number>> {
  const rows: { status: string; n: number }[] = await ds.query(`SELECT status, count(*)::int AS n FROM trial WHERE experiment_id = $1 GROUP BY status`, [experimentId]);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** An admin actor of a new organization. */
export async function adminActor(server: RunningServer, slug: string): Promise<{ actor: Actor; token: string; organizationId: string }> {
  const issued = await server.services.organizations.bootstrapAdmin(slug);
  const actor = await server.services.organizations.authenticate(`Bearer ${issued.token}`);
  if (!actor) throw new Error('bootstrap token did not authenticate');
  return { actor, token: issued.token, organizationId: issued.organization.id };
}

/**
 * A toy experiment of `n` trials through the real ExperimentService (its transaction enqueues the jobs).
 * Toy preset: 2-D moons, MLP, seconds per trial.
 */
export async function createToyExperiment(server: RunningServer, actor: Actor, organizationId: string, n: number, name: string): Promise<string> {
  const [attack] = await server.ds.query(`SELECT id FROM attack_definition WHERE slug = 'interpolation' ORDER BY version LIMIT 1`);
  const { experiment } = await server.services.experiments.createExperiment(actor, {
    organizationId, name, preset: 'toy', seedBase: 7,
    matrix: { datasets: ['moons'], labels: [8], algorithms: ['fixmatch'], rates: [0.05], attacks: [attack.id], trialsPerCell: n },
  });
  return experiment.id;
}
