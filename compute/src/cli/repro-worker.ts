// Worker thread of the reproduction pool: runs one trial per message and posts its summary back.
import { parentPort } from 'node:worker_threads';
import { summarize } from '../trial/matrix';
import { runTrial } from '../trial/run-trial';
import { TrialConfig } from '../trial/trial.types';

const port = parentPort;
if (!port) throw new Error('repro-worker must run as a worker thread');
port.on('message', (m: { config: TrialConfig; seed: number }) => {
  // Progress is throttled to phase changes and every 50 steps: posting every step would cost more than it shows.
  let lastStep = -50;
  let lastPhase = '';
  runTrial(m.config, {
    seed: m.seed,
    onProgress: (p) => {
      if (p.phase === lastPhase && p.step - lastStep < 50 && p.step !== p.total) return;
      lastPhase = p.phase;
      lastStep = p.step;
      port.postMessage({ kind: 'progress', progress: { phase: p.phase, step: p.step, total: p.total } });
    },
  }).then(
    (o) => port.postMessage({ kind: 'done', summary: summarize(o), backend: o.backend }),
    (e: Error) => port.postMessage({ kind: 'error', error: e.message }),
  );
});
