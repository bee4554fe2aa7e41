import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeNpy, encodeNpy, NpyFormatError } from './npy';
import { readTar, tarChunks, tarSize } from './tar';

test('NPY round trip for every published dtype, header aligned to 64 bytes', () => {
  for (const arr of [Uint8Array.from([0, 7, 255, 1, 2, 3]), Int32Array.from([-1, 5, 2 ** 31 - 1, 0, 9, 8]), Float32Array.from([0.5, -1, 3, 4, 5, 6]), Float64Array.from([1e-300, 2, 3, 4, 5, 6])]) {
    const bytes = encodeNpy(arr, [2, 3]);
    const headerLen = bytes[8] | (bytes[9] << 8);
    assert.equal((10 + headerLen) % 64, 0);
    const back = decodeNpy(bytes);
    assert.deepEqual(back.shape, [2, 3]);
    assert.deepEqual(Array.from(back.data), Array.from(arr));
    assert.equal(back.data.constructor, arr.constructor);
  }
  assert.match(Buffer.from(encodeNpy(Int32Array.from([1, 2]), [2])).toString('latin1'), /'shape': \(2,\)/);
  assert.throws(() => encodeNpy(Uint8Array.from([1, 2, 3]), [2, 2]), RangeError);
});

test('NPY decoding refuses malformed bytes with a reason', () => {
  const good = encodeNpy(Float32Array.from([1, 2, 3]), [3]);
  assert.throws(() => decodeNpy(good.subarray(0, good.length - 1)), (e: unknown) => e instanceof NpyFormatError && /data bytes/.test(e.reason));
  assert.throws(() => decodeNpy(Uint8Array.from([1, 2, 3])), NpyFormatError);
  const fortran = Buffer.from(Buffer.from(good).toString('latin1').replace('False', 'True '), 'latin1');
  assert.throws(() => decodeNpy(fortran), /Fortran/);
});

test('tar archives round trip, have the announced size, and the system tar extracts them', () => {
  const entries = [
    { name: 'manifest.json', bytes: Buffer.from('{"a":1}') },
    { name: 'dev-00/labeled_x.npy', bytes: encodeNpy(new Uint8Array(1000).fill(3), [10, 10, 10]) },
    { name: 'empty.txt', bytes: new Uint8Array(0) },
  ];
  const archive = Buffer.concat([...tarChunks(entries)]);
  assert.equal(archive.length, tarSize(entries.map((e) => e.bytes.length)));
  const back = readTar(archive);
  assert.deepEqual(back.map((e) => e.name), entries.map((e) => e.name));
  back.forEach((e, i) => assert.deepEqual(Buffer.from(e.bytes), Buffer.from(entries[i].bytes)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-tar-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.tar'), archive);
    execFileSync('tar', ['-xf', 'a.tar'], { cwd: dir });
    assert.deepEqual(fs.readFileSync(path.join(dir, 'dev-00/labeled_x.npy')), Buffer.from(entries[1].bytes));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const corrupt = Buffer.from(archive);
  corrupt[5] ^= 1;
  assert.throws(() => readTar(corrupt), /checksum/);
});
