import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { Dataset, DatasetFileError, LabeledArrays } from './dataset.types';
import { readDataFile } from './binary-file.util';
import { readMat5 } from './mat5.reader';

/**
 * Converts SVHN's X (32, 32, 3, N) column-major (index r + 32c + 1024ch + 3072n) to NHWC and
 * its y (N, 1) labels, where 10 means digit 0.
 */
export function parseSvhnMat(file: string, bytes: Buffer): LabeledArrays {
  const vars = readMat5(file, bytes);
  const X = vars.get('X');
  const Y = vars.get('y');
  if (!X || !Y) throw new DatasetFileError(file, 'expected variables X and y');
  const [h, w, c, n] = X.dims;
  if (h !== 32 || w !== 32 || c !== 3 || X.dims.length !== 4) {
    throw new DatasetFileError(file, `X has shape ${X.dims.join('x')}, expected 32x32x3xN`);
  }
  if (Y.data.length !== n) throw new DatasetFileError(file, `y has ${Y.data.length} labels for ${n} images`);
  const x = new Uint8Array(n * 3072);
  const src = X.data;
  for (let i = 0; i < n; i++) {
    for (let ch = 0; ch < 3; ch++) {
      for (let col = 0; col < 32; col++) {
        for (let row = 0; row < 32; row++) {
          x[i * 3072 + (row * 32 + col) * 3 + ch] = src[row + 32 * col + 1024 * ch + 3072 * i];
        }
      }
    }
  }
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = Math.round(Y.data[i]);
    if (v < 0 || v > 10) throw new DatasetFileError(file, `label ${v} out of range 1..10 at ${i}`);
    y[i] = v === 10 ? 0 : v;
  }
  return { x, y, n };
}

/** Loads SVHN from `train_32x32.mat` and `test_32x32.mat` (optionally `extra_32x32.mat` into train). */
export function loadSvhn(dir: string, opts: { extra?: boolean } = {}): Dataset {
  const hash = createHash('sha256');
  const read = (name: string) => {
    const file = path.join(dir, name);
    const b = readDataFile(file);
    hash.update(b);
    return parseSvhnMat(file, b);
  };
  let train = read('train_32x32.mat');
  const test = read('test_32x32.mat');
  if (opts.extra && fs.existsSync(path.join(dir, 'extra_32x32.mat'))) {
    const e = read('extra_32x32.mat');
    const x = new Uint8Array(train.x.length + e.x.length);
    x.set(train.x);
    x.set(e.x, train.x.length);
    const y = new Int32Array(train.n + e.n);
    y.set(train.y);
    y.set(e.y, train.n);
    train = { x, y, n: train.n + e.n };
  }
  return { name: 'svhn', shape: [32, 32, 3], numClasses: 10, allowFlip: false, train, test, sha256: hash.digest('hex') };
}
