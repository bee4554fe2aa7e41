/**
 * Minimal MATLAB v5 MAT-file reader: numeric matrices (possibly inside miCOMPRESSED elements),
 * enough for SVHN's *_32x32.mat (X: 32x32x3xN uint8, y: Nx1). Column-major data is returned as is.
 */
import * as zlib from 'node:zlib';
import { DatasetFileError } from './dataset.types';

export interface MatArray {
  name: string;
  dims: number[];
  /** Real part, column-major, converted to a JS typed array of the stored element type. */
  data: Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;
}

const MI_MATRIX = 14;
const MI_COMPRESSED = 15;

function readNumeric(file: string, buf: Buffer, type: number, off: number, nbytes: number): MatArray['data'] {
  const slice = buf.subarray(off, off + nbytes);
  // Copy to an aligned buffer: elements inside the file are only 8-byte aligned relative to it.
  const ab = new ArrayBuffer(nbytes);
  new Uint8Array(ab).set(slice);
  switch (type) {
    case 1: return new Int8Array(ab);
    case 2: return new Uint8Array(ab);
    case 3: return new Int16Array(ab, 0, nbytes >> 1);
    case 4: return new Uint16Array(ab, 0, nbytes >> 1);
    case 5: return new Int32Array(ab, 0, nbytes >> 2);
    case 6: return new Uint32Array(ab, 0, nbytes >> 2);
    case 7: return new Float32Array(ab, 0, nbytes >> 2);
    case 9: return new Float64Array(ab, 0, nbytes >> 3);
    default: throw new DatasetFileError(file, `unsupported MAT element type ${type}`);
  }
}

interface Tag { type: number; nbytes: number; dataOff: number; next: number }

function readTag(file: string, buf: Buffer, off: number, end: number): Tag {
  if (off + 8 > end) throw new DatasetFileError(file, `truncated MAT-file: element tag at byte ${off} runs past the end`);
  const word = buf.readUInt32LE(off);
  if (word >>> 16 !== 0) {
    // Small data element: size in the upper 16 bits, data packed in the tag's second word.
    return { type: word & 0xffff, nbytes: word >>> 16, dataOff: off + 4, next: off + 8 };
  }
  const nbytes = buf.readUInt32LE(off + 4);
  const dataOff = off + 8;
  if (dataOff + nbytes > end) {
    throw new DatasetFileError(file, `truncated MAT-file: element at byte ${off} needs ${nbytes} bytes, only ${end - dataOff} remain`);
  }
  const padded = word === MI_COMPRESSED ? nbytes : (nbytes + 7) & ~7;
  return { type: word, nbytes, dataOff, next: dataOff + padded };
}

function parseMatrix(file: string, buf: Buffer, off: number, end: number): MatArray {
  const flags = readTag(file, buf, off, end);
  const dimsTag = readTag(file, buf, flags.next, end);
  const dims: number[] = [];
  for (let i = 0; i < dimsTag.nbytes / 4; i++) dims.push(buf.readInt32LE(dimsTag.dataOff + 4 * i));
  const nameTag = readTag(file, buf, dimsTag.next, end);
  const name = buf.toString('latin1', nameTag.dataOff, nameTag.dataOff + nameTag.nbytes);
  const cls = buf.readUInt32LE(flags.dataOff) & 0xff;
  if (cls < 6 || cls > 15) return { name, dims, data: new Uint8Array(0) }; // cell/struct/char: not needed
  const real = readTag(file, buf, nameTag.next, end);
  const data = readNumeric(file, buf, real.type, real.dataOff, real.nbytes);
  const count = dims.reduce((a, b) => a * b, 1);
  if (data.length !== count) {
    throw new DatasetFileError(file, `variable ${name}: ${data.length} values for dimensions ${dims.join('x')}`);
  }
  return { name, dims, data };
}

function parseElements(file: string, buf: Buffer, start: number, out: Map<string, MatArray>): void {
  let off = start;
  while (off < buf.length) {
    // Trailing padding shorter than a tag is tolerated.
    if (buf.length - off < 8 && buf.subarray(off).every((b) => b === 0)) break;
    const tag = readTag(file, buf, off, buf.length);
    if (tag.type === MI_COMPRESSED) {
      let inner: Buffer;
      try {
        inner = zlib.inflateSync(buf.subarray(tag.dataOff, tag.dataOff + tag.nbytes));
      } catch (e) {
        throw new DatasetFileError(file, `corrupt or truncated compressed element at byte ${off} (${(e as Error).message})`);
      }
      parseElements(file, inner, 0, out);
    } else if (tag.type === MI_MATRIX) {
      const m = parseMatrix(file, buf, tag.dataOff, tag.dataOff + tag.nbytes);
      out.set(m.name, m);
    }
    off = tag.next;
  }
}

/** Parses a MAT v5 file's numeric variables by name. */
export function readMat5(file: string, buf: Buffer): Map<string, MatArray> {
  if (buf.length < 128) throw new DatasetFileError(file, `truncated MAT-file: ${buf.length} bytes, header needs 128`);
  const text = buf.toString('latin1', 0, 10);
  if (!text.startsWith('MATLAB 5.0')) throw new DatasetFileError(file, 'not a MATLAB 5.0 MAT-file (bad header text)');
  const endian = buf.toString('latin1', 126, 128);
  if (endian !== 'IM') throw new DatasetFileError(file, `unsupported byte order "${endian}" (only little-endian "IM")`);
  const out = new Map<string, MatArray>();
  parseElements(file, buf, 128, out);
  return out;
}

/** Writes a MAT v5 file (for fixtures and tests): each variable in its own miCOMPRESSED element. */
export function writeMat5(vars: { name: string; dims: number[]; cls: 'uint8' | 'double'; data: ArrayLike<number> }[], compress = true): Buffer {
  const header = Buffer.alloc(128, 0x20);
  header.write('MATLAB 5.0 MAT-file, written by frogpond tests', 0, 'latin1');
  header.writeUInt32LE(0, 116);
  header.writeUInt32LE(0, 120);
  header.writeUInt16LE(0x0100, 124);
  header.write('IM', 126, 'latin1');
  const el = (type: number, payload: Buffer, pad = true): Buffer => {
    const t = Buffer.alloc(8);
    t.writeUInt32LE(type, 0);
    t.writeUInt32LE(payload.length, 4);
    const padLen = pad ? ((payload.length + 7) & ~7) - payload.length : 0;
    return Buffer.concat([t, payload, Buffer.alloc(padLen)]);
  };
  const parts: Buffer[] = [header];
  for (const v of vars) {
    const flags = Buffer.alloc(8);
    flags.writeUInt32LE(v.cls === 'uint8' ? 9 : 6, 0);
    const dims = Buffer.alloc(4 * v.dims.length);
    v.dims.forEach((d, i) => dims.writeInt32LE(d, 4 * i));
    const data = v.cls === 'uint8' ? Buffer.from(Uint8Array.from(v.data)) : Buffer.from(Float64Array.from(v.data).buffer);
    const matrix = el(MI_MATRIX, Buffer.concat([
      el(6, flags), el(5, dims), el(1, Buffer.from(v.name, 'latin1')), el(v.cls === 'uint8' ? 2 : 9, data),
    ]));
    parts.push(compress ? el(MI_COMPRESSED, zlib.deflateSync(matrix), false) : matrix);
  }
  return Buffer.concat(parts);
}
