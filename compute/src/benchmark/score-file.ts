import { decodeNpy, NpyFormatError } from './npy';

/**
 * Parsing of a submitted score file: one suspicion score per unlabeled example of every sequestered replicate.
 * Formats:
 * - CSV: header `replicate,index,score` (optional 4th column `removed`, 0 or 1), one row per example;
 * - JSON: `{ "replicates": { "<id>": { "scores": [...], "removed": [...]? } } }`;
 * - NPY: a float array of shape (replicates, examples), rows in the benchmark's replicate order.
 * Every refusal names the file, the line (CSV, when there is one) and the reason.
 */

export interface ReplicateScores {
  scores: Float64Array;
  /** Explicit removed indices, when the file gives them. */
  removed?: number[];
}

export interface ScoreFileSpec {
  /** Replicate ids in order, and the unlabeled-set size of each. */
  replicates: { id: string; size: number }[];
}

export class ScoreFileError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly file: string, readonly line: number | null, readonly reason: string) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`);
    this.name = 'ScoreFileError';
  }
}

export type ScoreFormat = 'csv' | 'json' | 'npy';

/** Format from the file name's extension, else from the content. */
export function detectScoreFormat(file: string, bytes: Uint8Array): ScoreFormat {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'json' || ext === 'npy') return ext;
  if (bytes[0] === 0x93) return 'npy';
  const first = Buffer.from(bytes.subarray(0, 64)).toString('utf8').trimStart();
  return first.startsWith('{') ? 'json' : 'csv';
}

function finalize(file: string, spec: ScoreFileSpec, byId: Map<string, ReplicateScores>, lineOf?: (id: string, i: number) => number | null): Map<string, ReplicateScores> {
  for (const { id, size } of spec.replicates) {
    const r = byId.get(id);
    if (!r) throw new ScoreFileError(file, null, `replicate ${id} is missing (expected ${spec.replicates.map((x) => x.id).join(', ')})`);
    if (r.scores.length !== size) throw new ScoreFileError(file, null, `replicate ${id} has ${r.scores.length} scores, its unlabeled set has ${size} examples`);
    r.scores.forEach((v, i) => {
      if (!Number.isFinite(v)) throw new ScoreFileError(file, lineOf?.(id, i) ?? null, `replicate ${id}, index ${i}: score ${v} is not a finite number`);
    });
    if (r.removed) {
      const seen = new Set<number>();
      for (const i of r.removed) {
        if (!Number.isInteger(i) || i < 0 || i >= size) throw new ScoreFileError(file, null, `replicate ${id}: removed index ${i} is outside 0..${size - 1}`);
        if (seen.has(i)) throw new ScoreFileError(file, null, `replicate ${id}: removed index ${i} is listed twice`);
        seen.add(i);
      }
    }
  }
  const known = new Set(spec.replicates.map((r) => r.id));
  for (const id of byId.keys()) if (!known.has(id)) throw new ScoreFileError(file, null, `replicate ${id} is not a sequestered replicate of this benchmark`);
  return byId;
}

function parseCsv(file: string, text: string, spec: ScoreFileSpec): Map<string, ReplicateScores> {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.trim().toLowerCase().split(',').map((s) => s.trim());
  const withRemoved = header?.length === 4 && header[3] === 'removed';
  if (!header || header[0] !== 'replicate' || header[1] !== 'index' || header[2] !== 'score' || !(header.length === 3 || withRemoved)) {
    throw new ScoreFileError(file, 1, 'header must be "replicate,index,score" (optionally ",removed")');
  }
  const sizes = new Map(spec.replicates.map((r) => [r.id, r.size]));
  const byId = new Map<string, ReplicateScores & { filled: Uint8Array; lines: Int32Array }>();
  for (let ln = 1; ln < lines.length; ln++) {
    const raw = lines[ln].trim();
    if (!raw) continue;
    const cells = raw.split(',').map((s) => s.trim());
    const lineNo = ln + 1;
    if (cells.length !== header.length) throw new ScoreFileError(file, lineNo, `expected ${header.length} columns, found ${cells.length}`);
    const [id, idxText, scoreText] = cells;
    const size = sizes.get(id);
    if (size === undefined) throw new ScoreFileError(file, lineNo, `replicate ${id} is not a sequestered replicate of this benchmark`);
    if (!/^\d+$/.test(idxText) || Number(idxText) >= size) throw new ScoreFileError(file, lineNo, `index ${idxText} is not an integer in 0..${size - 1}`);
    const score = scoreText === '' ? NaN : Number(scoreText);
    if (!Number.isFinite(score)) throw new ScoreFileError(file, lineNo, `score "${scoreText}" is not a finite number`);
    let r = byId.get(id);
    if (!r) {
      r = { scores: new Float64Array(size), filled: new Uint8Array(size), lines: new Int32Array(size), removed: withRemoved ? [] : undefined };
      byId.set(id, r);
    }
    const i = Number(idxText);
    if (r.filled[i]) throw new ScoreFileError(file, lineNo, `replicate ${id}, index ${i} was already scored on line ${r.lines[i]}`);
    r.filled[i] = 1;
    r.lines[i] = lineNo;
    r.scores[i] = score;
    if (withRemoved) {
      if (cells[3] !== '0' && cells[3] !== '1') throw new ScoreFileError(file, lineNo, `removed must be 0 or 1, found "${cells[3]}"`);
      if (cells[3] === '1') r.removed!.push(i);
    }
  }
  for (const [id, r] of byId) {
    const missing = r.filled.indexOf(0);
    if (missing >= 0) throw new ScoreFileError(file, null, `replicate ${id} has no score for index ${missing} (every unlabeled example needs one)`);
  }
  return finalize(file, spec, new Map([...byId].map(([id, r]) => [id, { scores: r.scores, removed: r.removed }])));
}

function parseJson(file: string, text: string, spec: ScoreFileSpec): Map<string, ReplicateScores> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ScoreFileError(file, null, `not valid JSON (${(e as Error).message})`);
  }
  const reps = (doc as { replicates?: unknown })?.replicates;
  if (!reps || typeof reps !== 'object' || Array.isArray(reps)) throw new ScoreFileError(file, null, 'expected an object with a "replicates" object keyed by replicate id');
  const byId = new Map<string, ReplicateScores>();
  for (const [id, value] of Object.entries(reps as Record<string, unknown>)) {
    const v = value as { scores?: unknown; removed?: unknown };
    if (!v || !Array.isArray(v.scores)) throw new ScoreFileError(file, null, `replicate ${id}: "scores" must be an array of numbers`);
    const scores = new Float64Array(v.scores.length);
    v.scores.forEach((s, i) => {
      if (typeof s !== 'number') throw new ScoreFileError(file, null, `replicate ${id}, index ${i}: score ${JSON.stringify(s)} is not a finite number`);
      scores[i] = s;
    });
    if (v.removed !== undefined && !Array.isArray(v.removed)) throw new ScoreFileError(file, null, `replicate ${id}: "removed" must be an array of indices`);
    byId.set(id, { scores, removed: v.removed as number[] | undefined });
  }
  return finalize(file, spec, byId);
}

function parseNpy(file: string, bytes: Uint8Array, spec: ScoreFileSpec): Map<string, ReplicateScores> {
  let arr;
  try {
    arr = decodeNpy(bytes);
  } catch (e) {
    if (e instanceof NpyFormatError) throw new ScoreFileError(file, null, e.message);
    throw e;
  }
  const sizes = new Set(spec.replicates.map((r) => r.size));
  if (sizes.size !== 1) throw new ScoreFileError(file, null, 'replicates differ in size: submit CSV or JSON');
  const [size] = sizes;
  const R = spec.replicates.length;
  if (arr.shape.length !== 2 || arr.shape[0] !== R || arr.shape[1] !== size) {
    throw new ScoreFileError(file, null, `array has shape (${arr.shape.join(', ')}), expected (${R}, ${size}): one row per replicate, one score per unlabeled example`);
  }
  const byId = new Map<string, ReplicateScores>();
  spec.replicates.forEach(({ id }, r) => byId.set(id, { scores: Float64Array.from(arr.data.subarray(r * size, (r + 1) * size)) }));
  return finalize(file, spec, byId);
}

/** Parses a score file strictly; throws ScoreFileError (code BAD_USER_INPUT) naming file, line and reason. */
export function parseScoreFile(file: string, bytes: Uint8Array, spec: ScoreFileSpec, format = detectScoreFormat(file, bytes)): Map<string, ReplicateScores> {
  if (format === 'npy') return parseNpy(file, bytes, spec);
  const text = Buffer.from(bytes).toString('utf8');
  return format === 'json' ? parseJson(file, text, spec) : parseCsv(file, text, spec);
}
