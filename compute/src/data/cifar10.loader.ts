import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { Dataset, DatasetFileError, LabeledArrays } from './dataset.types';
import { readDataFile, recordCount } from './binary-file.util';

const REC = 1 + 3072;
export const CIFAR10_TRAIN_FILES = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin'];
export const CIFAR10_TEST_FILE = 'test_batch.bin';

/** Parses CIFAR-10 binary records (label byte + 1024 R + 1024 G + 1024 B) into NHWC. */
export function parseCifar10Batches(files: { file: string; bytes: Buffer }[]): LabeledArrays {
  const counts = files.map((f) => recordCount(f.file, f.bytes.length, REC));
  const n = counts.reduce((a, b) => a + b, 0);
  const x = new Uint8Array(n * 3072);
  const y = new Int32Array(n);
  let k = 0;
  for (const f of files) {
    const b = f.bytes;
    for (let off = 0; off < b.length; off += REC, k++) {
      const label = b[off];
      if (label > 9) throw new DatasetFileError(f.file, `label ${label} out of range 0..9 in record ${k}`);
      y[k] = label;
      const base = k * 3072;
      // Planar (channel-major) to interleaved NHWC.
      for (let p = 0; p < 1024; p++) {
        x[base + p * 3] = b[off + 1 + p];
        x[base + p * 3 + 1] = b[off + 1 + 1024 + p];
        x[base + p * 3 + 2] = b[off + 1 + 2048 + p];
      }
    }
  }
  return { x, y, n };
}

/**
 * Loads CIFAR-10 from the binary distribution (`cifar-10-batches-bin`): `dir` may be that folder
 * or its parent. Throws DatasetFileError naming a missing or truncated file.
 */
export function loadCifar10(dir: string): Dataset {
  const d = fs.existsSync(path.join(dir, 'cifar-10-batches-bin')) ? path.join(dir, 'cifar-10-batches-bin') : dir;
  const hash = createHash('sha256');
  const read = (name: string) => {
    const file = path.join(d, name);
    const bytes = readDataFile(file);
    hash.update(bytes);
    return { file, bytes };
  };
  const train = parseCifar10Batches(CIFAR10_TRAIN_FILES.map(read));
  const test = parseCifar10Batches([read(CIFAR10_TEST_FILE)]);
  return { name: 'cifar10', shape: [32, 32, 3], numClasses: 10, allowFlip: true, train, test, sha256: hash.digest('hex') };
}
