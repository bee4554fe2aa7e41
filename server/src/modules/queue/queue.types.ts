import type { TrialProgressEvent } from './queue.progress';

/**
 * The fields of compute's TrialOutcome (brief contract 3) the queue itself reads; the whole object is handed to the
 * server's TrialResultService unchanged.
 */
export interface TrialOutcomeLike {
  success: boolean;
  backend?: string;
  sourceIndex?: number;
  targetIndex?: number;
  targetClass?: number;
  targetLabel?: number;
  [key: string]: unknown;
}

/** `runTrial` from @frogpond/compute, as the worker calls it. */
export type RunTrialFn = (
  config: Record<string, unknown>,
  opts: { seed: number; onProgress?: (p: TrialProgressEvent) => void; signal?: AbortSignal },
) => Promise<TrialOutcomeLike>;

/** Loads the real runTrial from @frogpond/compute (lazily: tfjs is heavy and the API process may never need it). */
export function loadComputeRunTrial(): RunTrialFn {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compute = require('@frogpond/compute') as { runTrial?: RunTrialFn };
  if (typeof compute.runTrial === 'function') return compute.runTrial;
  // Same function from the package's trial module, for builds whose index does not re-export the trial runner.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const trial = require('@frogpond/compute/dist/trial/run-trial') as { runTrial?: RunTrialFn };
  if (typeof trial.runTrial === 'function') return trial.runTrial;
  throw new Error('@frogpond/compute does not export runTrial (build compute first: npx tsc -b compute)');
}
