import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeNpy } from './npy';

describe('encodeNpy (float32)', () => {
  it('writes a v1.0 header NumPy reads, 64-byte aligned, then the little-endian values', () => {
    const data = new Float32Array([0, 0.5, -1, 2, 3, 4]);
    const npy = encodeNpy(data, [2, 3]);
    assert.deepEqual([...npy.slice(0, 8)], [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const len = new DataView(npy.buffer).getUint16(8, true);
    assert.equal((10 + len) % 64, 0);
    const header = Buffer.from(npy.slice(10, 10 + len)).toString('latin1');
    assert.match(header, /^\{'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3\), \} *\n$/);
    const back = new Float32Array(npy.slice(10 + len).buffer);
    assert.deepEqual([...back], [...data]);
    assert.match(Buffer.from(encodeNpy(new Float32Array(2), [2])).toString('latin1'), /'shape': \(2,\), /);
    assert.throws(() => encodeNpy(data, [4]), /shape/);
  });
});
