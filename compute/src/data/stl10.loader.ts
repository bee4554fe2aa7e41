import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { Dataset, DatasetFileError } from './dataset.types';
import { readDataFile, recordCount } from './binary-file.util';

const SIDE = 96;
const IMG = SIDE * SIDE * 3;

/** STL-10 stores each image as 3 column-major 96x96 planes: byte = c*9216 + col*96 + row. */
export function parseStl10Images(file: string, bytes: Buffer): { x: Uint8Array; n: number } {
  const n = recordCount(file, bytes.length, IMG);
  const x = new Uint8Array(n * IMG);
  for (let i = 0; i < n; i++) {
    const src = i * IMG;
    for (let c = 0; c < 3; c++) {
      for (let col = 0; col < SIDE; col++) {
        for (let row = 0; row < SIDE; row++) {
          x[src + (row * SIDE + col) * 3 + c] = bytes[src + c * SIDE * SIDE + col * SIDE + row];
        }
      }
    }
  }
  return { x, n };
}

/** Labels are bytes 1..10; returned as 0..9. */
export function parseStl10Labels(file: string, bytes: Buffer, expected: number): Int32Array {
  if (bytes.length !== expected) {
    throw new DatasetFileError(file, `expected ${expected} labels (one per image), found ${bytes.length} bytes`);
  }
  const y = new Int32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 1 || bytes[i] > 10) throw new DatasetFileError(file, `label ${bytes[i]} out of range 1..10 at ${i}`);
    y[i] = bytes[i] - 1;
  }
  return y;
}

/**
 * Loads STL-10 binary files (train_X.bin, train_y.bin, test_X.bin, test_y.bin, optional
 * unlabeled_X.bin) from `dir` or `dir/stl10_binary`.
 */
export function loadStl10(dir: string, opts: { unlabeled?: boolean } = {}): Dataset {
  const d = fs.existsSync(path.join(dir, 'stl10_binary')) ? path.join(dir, 'stl10_binary') : dir;
  const hash = createHash('sha256');
  const part = (split: 'train' | 'test') => {
    const xf = path.join(d, `${split}_X.bin`);
    const yf = path.join(d, `${split}_y.bin`);
    const xb = readDataFile(xf);
    const yb = readDataFile(yf);
    hash.update(xb).update(yb);
    const { x, n } = parseStl10Images(xf, xb);
    return { x, y: parseStl10Labels(yf, yb, n), n };
  };
  const train = part('train');
  const test = part('test');
  const ds: Dataset = { name: 'stl10', shape: [SIDE, SIDE, 3], numClasses: 10, allowFlip: true, train, test };
  const uf = path.join(d, 'unlabeled_X.bin');
  if (opts.unlabeled !== false && fs.existsSync(uf)) {
    const ub = readDataFile(uf);
    hash.update(ub);
    ds.extraUnlabeled = parseStl10Images(uf, ub);
  }
  ds.sha256 = hash.digest('hex');
  return ds;
}
