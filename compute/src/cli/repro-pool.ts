import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { summarize, TrialSummary } from '../trial/matrix';
import { runTrial } from '../trial/run-trial';
import { TrialConfig, TrialProgress } from '../trial/trial.types';

/** One trial of the reproduction, as the pool runs it. */
export interface ReproJob {
  label: string;
  config: TrialConfig;
  seed: number;
}

export interface ReproJobResult {
  job: ReproJob;
  summary: TrialSummary;
  backend: string;
}

/**
 * Runs jobs on `workers` worker threads (each loads its own tfjs backend), or in this thread when workers <= 1.
 * Jobs start in the order given; `onDone` is called as each finishes (in finishing order). A trial's outcome depends
 * only on its config and seed, so the results are the same whatever the number of workers.
 */
export async function runJobs(
  jobs: ReproJob[],
  workers: number,
  onDone: (r: ReproJobResult) => void,
  onProgress?: (label: string, p: TrialProgress) => void,
): Promise<void> {
  if (workers <= 1) {
    for (const job of jobs) {
      const outcome = await runTrial(job.config, { seed: job.seed, onProgress: (p) => onProgress?.(job.label, p) });
      onDone({ job, summary: summarize(outcome), backend: outcome.backend });
    }
    return;
  }
  const queue = [...jobs];
  const runOne = (w: Worker, job: ReproJob) =>
    new Promise<ReproJobResult>((resolve, reject) => {
      const onMessage = (m: { kind: string; summary?: TrialSummary; backend?: string; progress?: TrialProgress; error?: string }) => {
        if (m.kind === 'progress' && m.progress) onProgress?.(job.label, m.progress);
        else if (m.kind === 'done') {
          w.off('message', onMessage);
          w.off('error', reject);
          resolve({ job, summary: m.summary!, backend: m.backend! });
        } else if (m.kind === 'error') {
          w.off('message', onMessage);
          w.off('error', reject);
          reject(new Error(`${job.label}: ${m.error}`));
        }
      };
      w.on('message', onMessage);
      w.once('error', reject);
      w.postMessage({ config: job.config, seed: job.seed });
    });
  const lane = async () => {
    const w = new Worker(join(__dirname, 'repro-worker.js'));
    try {
      for (let job = queue.shift(); job; job = queue.shift()) onDone(await runOne(w, job));
    } finally {
      await w.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, lane));
}
