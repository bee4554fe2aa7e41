import { SingleBar } from 'cli-progress';
import { TrialProgress } from '../trial/trial.types';

/**
 * A progress bar on stderr for the long steps of a trial (pre-training, crafting, training). Shows nothing when
 * stderr is not a terminal or when quiet, so logs and pipes stay clean.
 */
export function trialProgressBar(label: string, quiet = false): { update(p: TrialProgress): void; stop(): void } {
  if (quiet || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ stream: process.stderr, format: ' {label} {phase} [{bar}] {value}/{total} {metrics}', hideCursor: true, clearOnComplete: true });
  let phase = '';
  let started = false;
  return {
    update(p) {
      const metrics = p.metrics ? Object.entries(p.metrics).slice(0, 3).map(([k, v]) => `${k}=${typeof v === 'number' ? v.toFixed(3) : v}`).join(' ') : '';
      if (!started) { bar.start(Math.max(1, p.total), p.step, { label, phase: p.phase, metrics }); started = true; }
      if (p.phase !== phase) { phase = p.phase; bar.setTotal(Math.max(1, p.total)); }
      bar.update(p.step, { phase: p.phase, metrics });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
