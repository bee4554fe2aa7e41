import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getDefense } from '../defenses/defense.hook';
import { decodeNpy, encodeNpy } from './npy';
import { readTar } from './tar';

/** The manifest.json of a downloaded benchmark split (the fields the tools read). */
export interface SplitManifest {
  format: string;
  benchmark: string;
  version: number;
  split: 'dev' | 'test';
  imageShape: number[];
  replicates: { id: string; counts: { unlabeled: number }; poisonIndices?: number[] }[];
  files: { path: string; bytes: number; sha256: string; shape: number[] }[];
}

export class BenchmarkFileError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'BenchmarkFileError';
  }
}

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/**
 * Unpacks a split archive into `dir` after checking every file against the manifest's sha256 (and refusing names that
 * would escape `dir`). Returns the manifest.
 */
export function extractSplitArchive(archive: Uint8Array, dir: string): SplitManifest {
  const entries = readTar(archive);
  const manifestEntry = entries.find((e) => e.name === 'manifest.json');
  if (!manifestEntry) throw new BenchmarkFileError('the archive has no manifest.json');
  const manifest = JSON.parse(Buffer.from(manifestEntry.bytes).toString('utf8')) as SplitManifest;
  const byName = new Map(entries.map((e) => [e.name, e.bytes]));
  for (const f of manifest.files) {
    const bytes = byName.get(f.path);
    if (!bytes) throw new BenchmarkFileError(`${f.path} is listed in the manifest but missing from the archive`);
    const got = sha256(bytes);
    if (got !== f.sha256) throw new BenchmarkFileError(`${f.path}: sha256 ${got} does not match the manifest's ${f.sha256}`);
  }
  const root = path.resolve(dir);
  for (const e of entries) {
    const target = path.resolve(root, e.name);
    if (!target.startsWith(root + path.sep)) throw new BenchmarkFileError(`archive entry ${e.name} would be written outside ${dir}`);
    if (e.name !== 'manifest.json' && !manifest.files.some((f) => f.path === e.name)) throw new BenchmarkFileError(`archive entry ${e.name} is not in the manifest`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, e.bytes);
  }
  return manifest;
}

/** Reads the manifest of an extracted split directory. */
export function readSplitManifest(dir: string): SplitManifest {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new BenchmarkFileError(`${file} not found: pass the folder a split was downloaded into`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SplitManifest;
}

/** Scores of one defense on every replicate of a split, in manifest order. */
export interface SplitScores {
  ids: string[];
  scores: Float32Array[];
  removed: number[][];
}

/**
 * Runs a registered defense on the unlabeled set of every replicate of an extracted split. A removed example scores
 * above every kept one (1 + its defense score), so ranking by score and removing by the defense's rule agree.
 */
export async function defendSplit(dir: string, kind: string, params: Record<string, unknown> = {}, seed = 0): Promise<SplitScores> {
  const defense = getDefense(kind);
  if (!defense) throw new BenchmarkFileError(`defense '${kind}' is not available in this build`);
  const manifest = readSplitManifest(dir);
  const out: SplitScores = { ids: [], scores: [], removed: [] };
  for (const r of manifest.replicates) {
    const { data, shape } = decodeNpy(fs.readFileSync(path.join(dir, r.id, 'unlabeled_x.npy')));
    const n = shape[0];
    const x = new Float32Array(data.length);
    for (let i = 0; i < data.length; i++) x[i] = data[i] / 255;
    const decision = await defense({ shape: shape.slice(1), unlabeled: { x, n }, params, seed });
    const scores = new Float32Array(n);
    for (let i = 0; i < n; i++) scores[i] = decision.scores ? decision.scores[i] : 0;
    for (const i of decision.remove) scores[i] += 1;
    out.ids.push(r.id);
    out.scores.push(scores);
    out.removed.push([...decision.remove].sort((a, b) => a - b));
  }
  return out;
}

/** Writes split scores as a score file: .npy (scores only), .json or .csv (scores and removed indices). */
export function encodeScoreFile(file: string, s: SplitScores): Uint8Array {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.npy') {
    const n = s.scores[0]?.length ?? 0;
    if (s.scores.some((x) => x.length !== n)) throw new BenchmarkFileError('replicates differ in size: write .json or .csv');
    const all = new Float32Array(s.scores.length * n);
    s.scores.forEach((x, r) => all.set(x, r * n));
    return encodeNpy(all, [s.scores.length, n]);
  }
  if (ext === '.json') {
    const replicates = Object.fromEntries(s.ids.map((id, r) => [id, { scores: Array.from(s.scores[r]), removed: s.removed[r] }]));
    return Buffer.from(JSON.stringify({ replicates }) + '\n', 'utf8');
  }
  if (ext === '.csv') {
    const lines = ['replicate,index,score,removed'];
    s.ids.forEach((id, r) => {
      const gone = new Set(s.removed[r]);
      s.scores[r].forEach((v, i) => lines.push(`${id},${i},${v},${gone.has(i) ? 1 : 0}`));
    });
    return Buffer.from(lines.join('\n') + '\n', 'utf8');
  }
  throw new BenchmarkFileError(`score file ${file}: use the extension .npy, .json or .csv`);
}
