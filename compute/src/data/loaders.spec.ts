import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCifar10, CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE } from './cifar10.loader';
import { loadSvhn } from './svhn.loader';
import { loadStl10 } from './stl10.loader';
import { writeMat5 } from './mat5.reader';
import { loadMnistLike } from './mnist.loader';
import { DatasetFileError } from './dataset.types';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-data-'));
// A pixel value that encodes its own coordinates, so layout mistakes show up.
const pix = (n: number, r: number, c: number, ch: number) => (n * 7 + r * 5 + c * 3 + ch * 11) % 256;

test('CIFAR-10 binary batches: planar records -> NHWC, labels, truncated file named', () => {
  const dir = tmp();
  const write = (name: string, n: number, label0: number) => {
    const b = Buffer.alloc(n * 3073);
    for (let i = 0; i < n; i++) {
      b[i * 3073] = (label0 + i) % 10;
      for (let ch = 0; ch < 3; ch++) for (let r = 0; r < 32; r++) for (let c = 0; c < 32; c++) {
        b[i * 3073 + 1 + ch * 1024 + r * 32 + c] = pix(i, r, c, ch);
      }
    }
    fs.writeFileSync(path.join(dir, name), b);
  };
  CIFAR10_TRAIN_FILES.forEach((f, k) => write(f, 2, k));
  write(CIFAR10_TEST_FILE, 3, 5);
  const ds = loadCifar10(dir);
  assert.equal(ds.train.n, 10);
  assert.equal(ds.test.n, 3);
  assert.deepEqual(Array.from(ds.test.y), [5, 6, 7]);
  assert.equal(ds.train.y[2], 1); // first record of data_batch_2
  assert.equal(ds.test.x[(1 * 1024 + 4 * 32 + 9) * 3 + 2], pix(1, 4, 9, 2));
  assert.match(ds.sha256 ?? '', /^[0-9a-f]{64}$/);
  // Truncate one batch by 100 bytes.
  const f = path.join(dir, 'data_batch_3.bin');
  fs.writeFileSync(f, fs.readFileSync(f).subarray(0, 2 * 3073 - 100));
  assert.throws(() => loadCifar10(dir), (e: unknown) => e instanceof DatasetFileError && e.message.includes('data_batch_3.bin') && /truncated/.test(e.message));
  fs.rmSync(path.join(dir, CIFAR10_TEST_FILE));
  assert.throws(() => loadCifar10(dir), /test_batch\.bin: file not found|data_batch_3/);
});

test('SVHN .mat v5: compressed X (32,32,3,N) column-major and y with 10 meaning 0', () => {
  const dir = tmp();
  const write = (name: string, labels: number[], compress: boolean) => {
    const n = labels.length;
    const X = new Uint8Array(3072 * n);
    for (let i = 0; i < n; i++) for (let ch = 0; ch < 3; ch++) for (let c = 0; c < 32; c++) for (let r = 0; r < 32; r++) {
      X[r + 32 * c + 1024 * ch + 3072 * i] = pix(i, r, c, ch);
    }
    const buf = writeMat5([
      { name: 'X', dims: [32, 32, 3, n], cls: 'uint8', data: X },
      { name: 'y', dims: [n, 1], cls: 'double', data: labels },
    ], compress);
    fs.writeFileSync(path.join(dir, name), buf);
    return buf;
  };
  write('train_32x32.mat', [10, 1, 2, 3], true);
  const testBuf = write('test_32x32.mat', [4, 10], false);
  const ds = loadSvhn(dir);
  assert.deepEqual(Array.from(ds.train.y), [0, 1, 2, 3]);
  assert.deepEqual(Array.from(ds.test.y), [4, 0]);
  assert.equal(ds.train.x[2 * 3072 + (7 * 32 + 30) * 3 + 1], pix(2, 7, 30, 1));
  assert.equal(ds.test.x[1 * 3072 + (31 * 32 + 0) * 3 + 2], pix(1, 31, 0, 2));
  assert.equal(ds.allowFlip, false);
  const trainBuf = fs.readFileSync(path.join(dir, 'train_32x32.mat'));
  fs.writeFileSync(path.join(dir, 'train_32x32.mat'), trainBuf.subarray(0, trainBuf.length - 500));
  assert.throws(() => loadSvhn(dir), (e: unknown) => e instanceof DatasetFileError && e.message.includes('train_32x32.mat'));
  fs.writeFileSync(path.join(dir, 'train_32x32.mat'), testBuf.subarray(0, 300));
  assert.throws(() => loadSvhn(dir), /train_32x32\.mat: truncated/);
  fs.writeFileSync(path.join(dir, 'train_32x32.mat'), writeMat5([
    { name: 'X', dims: [28, 28, 1, 1], cls: 'uint8', data: new Uint8Array(784) },
    { name: 'y', dims: [1, 1], cls: 'double', data: [1] },
  ]));
  assert.throws(() => loadSvhn(dir), /train_32x32\.mat: X has shape 28x28x1x1/);
});

test('STL-10 binary: column-major 96x96x3, labels 1..10, truncated file named', () => {
  const dir = tmp();
  const write = (split: string, labels: number[]) => {
    const n = labels.length;
    const b = Buffer.alloc(n * 27648);
    for (let i = 0; i < n; i++) for (let ch = 0; ch < 3; ch++) for (let c = 0; c < 96; c++) for (let r = 0; r < 96; r++) {
      b[i * 27648 + ch * 9216 + c * 96 + r] = pix(i, r, c, ch);
    }
    fs.writeFileSync(path.join(dir, `${split}_X.bin`), b);
    fs.writeFileSync(path.join(dir, `${split}_y.bin`), Buffer.from(labels));
  };
  write('train', [1, 10, 5]);
  write('test', [2]);
  const ds = loadStl10(dir);
  assert.deepEqual(Array.from(ds.train.y), [0, 9, 4]);
  assert.equal(ds.train.x[2 * 27648 + (50 * 96 + 3) * 3 + 2], pix(2, 50, 3, 2));
  assert.equal(ds.extraUnlabeled, undefined);
  const f = path.join(dir, 'test_X.bin');
  fs.writeFileSync(f, fs.readFileSync(f).subarray(0, 27000));
  assert.throws(() => loadStl10(dir), (e: unknown) => e instanceof DatasetFileError && e.message.includes('test_X.bin'));
  fs.writeFileSync(path.join(dir, 'train_y.bin'), Buffer.from([1, 2]));
  assert.throws(() => loadStl10(dir), /train_y\.bin: expected 3 labels/);
});

test('MNIST converts once into a uint8 cache with a recorded sha256, and reloads it identically', () => {
  const cacheDir = tmp();
  const a = loadMnistLike('mnist', { cacheDir });
  assert.equal(a.train.n + a.test.n, 10000);
  assert.equal(a.train.x.length, a.train.n * 784);
  const meta = JSON.parse(fs.readFileSync(path.join(cacheDir, 'mnist-v1.json'), 'utf8'));
  assert.equal(meta.sha256, a.sha256);
  const counts = new Array(10).fill(0);
  a.test.y.forEach((c) => counts[c]++);
  assert.ok(counts.every((c) => c > 150), `test set is stratified: ${counts}`);
  let maxPix = 0;
  for (let i = 0; i < 784 * 20; i++) maxPix = Math.max(maxPix, a.train.x[i]);
  assert.ok(maxPix > 200, 'pixels are scaled to 0..255');
});

test('Fashion-MNIST: 70,000 images (empty entries skipped), seeded stratified 60,000/10,000 split, cached once', () => {
  const cacheDir = tmp();
  const a = loadMnistLike('fashion-mnist', { cacheDir });
  assert.equal(a.train.n, 60000);
  assert.equal(a.test.n, 10000);
  const counts = new Array(10).fill(0);
  a.test.y.forEach((c) => counts[c]++);
  assert.deepEqual(counts, new Array(10).fill(1000));
  const file = path.join(cacheDir, 'fashion-mnist-v1.bin');
  assert.equal(fs.statSync(file).size, 28 + 70000 * 785);
  // A truncated cache is detected and rebuilt rather than silently used.
  fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 1000));
  const b = loadMnistLike('fashion-mnist', { cacheDir: cacheDir + '/' });
  assert.equal(b.sha256, a.sha256);
});
