import { sha256Hex } from './config-hash';
import { TrialData, TrialModel } from './engine.types';
import { argmaxRow, predictBatched } from './trial-helpers';
import { sampleEvenly } from './png';
import { TrialArtifact } from './trial.types';

/** The 2-D picture of a toy trial: the trained model's decision regions, the data, and the poison path. */
export interface DecisionRegions {
  version: 1;
  /** Grid bounds: cell (i, j) is centred on (x0 + (i + 0.5) dx, y0 + (j + 0.5) dy). */
  x0: number; x1: number; y0: number; y1: number;
  /** Cells per axis. */
  size: number;
  /** Predicted class per cell, row-major by y then x (index j * size + i). */
  classes: number[];
  numClasses: number;
  /** Labeled examples: [x, y, class]. */
  labeled: [number, number, number][];
  /** An even sample of the clean unlabeled examples: [x, y, true class]. */
  unlabeled: [number, number, number][];
  /** An even sample of the main path's poisons: [x, y, alpha]. */
  poisons: [number, number, number][];
  source: [number, number] | null;
  target: [number, number];
  targetLabel: number;
}

const GRID = 40;
const MAX_UNLABELED = 300;
const MAX_POISONS = 200;
const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** True when the trial's examples are points in the plane (the toy datasets, shape [1, 1, 2]). */
export function isPlanar(shape: readonly number[]): boolean {
  return shape.reduce((a, b) => a * b, 1) === 2;
}

/**
 * Evaluates the trained model on a grid spanning the data and the poisons (5% margin) and returns the picture as
 * a JSON artifact, kind 'decision-regions'. `clean` is the split before poisons were added; `poisons` holds the
 * main path's poisons (2 floats each) with their positions `alphas`.
 */
export function decisionRegionsArtifact(
  model: TrialModel, clean: TrialData, poisons: Float32Array | null, alphas: number[],
  source: Float32Array | null, target: Float32Array, targetLabel: number,
): TrialArtifact {
  const k = clean.numClasses;
  const xs: number[] = [];
  const ys: number[] = [];
  const add = (x: Float32Array, n: number) => { for (let i = 0; i < n; i++) { xs.push(x[2 * i]); ys.push(x[2 * i + 1]); } };
  add(clean.labeled.x, clean.labeled.n);
  add(clean.unlabeled.x, clean.unlabeled.n);
  add(clean.test.x, clean.test.n);
  if (poisons) add(poisons, alphas.length);
  const span = (v: number[]) => {
    let lo = Infinity; let hi = -Infinity;
    for (const x of v) { if (x < lo) lo = x; if (x > hi) hi = x; }
    const m = Math.max(1e-3, (hi - lo) * 0.05);
    return [lo - m, hi + m];
  };
  const [x0, x1] = span(xs);
  const [y0, y1] = span(ys);
  const grid = new Float32Array(GRID * GRID * 2);
  for (let j = 0; j < GRID; j++) for (let i = 0; i < GRID; i++) {
    grid[2 * (j * GRID + i)] = x0 + ((i + 0.5) / GRID) * (x1 - x0);
    grid[2 * (j * GRID + i) + 1] = y0 + ((j + 0.5) / GRID) * (y1 - y0);
  }
  const probs = predictBatched(model, grid, GRID * GRID, 2, k);
  const classes = Array.from({ length: GRID * GRID }, (_, c) => argmaxRow(probs, c, k));
  const yTrue = clean.unlabeled.yTrue;
  const picture: DecisionRegions = {
    version: 1, x0: round(x0), x1: round(x1), y0: round(y0), y1: round(y1), size: GRID, classes, numClasses: k,
    labeled: Array.from({ length: clean.labeled.n }, (_, i) => [round(clean.labeled.x[2 * i]), round(clean.labeled.x[2 * i + 1]), clean.labeled.y[i]]),
    unlabeled: sampleEvenly(clean.unlabeled.n, MAX_UNLABELED).map((i) => [round(clean.unlabeled.x[2 * i]), round(clean.unlabeled.x[2 * i + 1]), yTrue ? yTrue[i] : -1]),
    poisons: poisons ? sampleEvenly(alphas.length, MAX_POISONS).map((i) => [round(poisons[2 * i]), round(poisons[2 * i + 1]), round(alphas[i])]) : [],
    source: source ? [round(source[0]), round(source[1])] : null,
    target: [round(target[0]), round(target[1])],
    targetLabel,
  };
  const bytes = new TextEncoder().encode(JSON.stringify(picture));
  return { kind: 'decision-regions', mime: 'application/json', bytes, sha256: sha256Hex(bytes) };
}
