/**
 * NumPy .npy (format version 1.0) for the arrays a benchmark publishes and a team submits: `np.load` reads what
 * `encodeNpy` writes, and `decodeNpy` reads what `np.save` writes for these dtypes (little-endian, C order).
 */

export type NpyArray = Uint8Array | Int32Array | Float32Array | Float64Array;

const DESCR: [string, new (n: number) => NpyArray][] = [
  ['|u1', Uint8Array], ['<i4', Int32Array], ['<f4', Float32Array], ['<f8', Float64Array],
];
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

function descrOf(a: NpyArray): string {
  const hit = DESCR.find(([, ctor]) => a instanceof ctor);
  if (!hit) throw new TypeError('unsupported array type');
  return hit[0];
}

/** Encodes a typed array with a shape (product must equal its length) as .npy bytes. */
export function encodeNpy(data: NpyArray, shape: readonly number[]): Uint8Array {
  if (shape.reduce((a, b) => a * b, 1) !== data.length) throw new RangeError(`shape [${shape.join(', ')}] does not hold ${data.length} values`);
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '${descrOf(data)}', 'fortran_order': False, 'shape': (${dims}), }`;
  // Magic (6) + version (2) + length (2) + header + '\n' is padded with spaces to a multiple of 64.
  const pad = (64 - ((10 + header.length + 1) % 64)) % 64;
  header = header + ' '.repeat(pad) + '\n';
  const out = new Uint8Array(10 + header.length + data.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  out[8] = header.length & 0xff;
  out[9] = header.length >> 8;
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  // Typed arrays are host-endian; every platform Node runs on is little-endian, as the descriptors say.
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length);
  return out;
}

/** Error for malformed .npy bytes; `reason` is one line a person can act on. */
export class NpyFormatError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(readonly reason: string) {
    super(`not a supported .npy file: ${reason}`);
    this.name = 'NpyFormatError';
  }
}

/** Decodes .npy bytes (version 1.0 to 3.0; dtypes u1, i4, i8 read as i4 when in range, f4, f8; C order). */
export function decodeNpy(bytes: Uint8Array): { data: NpyArray; shape: number[] } {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw new NpyFormatError('missing the \\x93NUMPY magic');
  const major = bytes[6];
  if (major < 1 || major > 3) throw new NpyFormatError(`version ${major} is not supported`);
  const wide = major >= 2;
  const hlen = wide ? bytes[8] | (bytes[9] << 8) | (bytes[10] << 16) | (bytes[11] << 24) : bytes[8] | (bytes[9] << 8);
  const start = wide ? 12 : 10;
  if (start + hlen > bytes.length) throw new NpyFormatError('header is truncated');
  const header = Buffer.from(bytes.buffer, bytes.byteOffset + start, hlen).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) throw new NpyFormatError('header lacks descr, fortran_order or shape');
  if (fortran === 'True') throw new NpyFormatError('Fortran order is not supported (save with C order)');
  const shape = shapeText.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (shape.some((n) => !Number.isInteger(n) || n < 0)) throw new NpyFormatError(`bad shape (${shapeText})`);
  const n = shape.reduce((a, b) => a * b, 1);
  const body = bytes.subarray(start + hlen);
  const width: Record<string, number> = { '|u1': 1, '<u1': 1, '<i4': 4, '<i8': 8, '<f4': 4, '<f8': 8 };
  const w = width[descr];
  if (!w) throw new NpyFormatError(`dtype ${descr} is not supported (use uint8, int32, int64, float32 or float64, little-endian)`);
  if (body.length !== n * w) throw new NpyFormatError(`holds ${body.length} data bytes, shape (${shapeText}) of ${descr} needs ${n * w}`);
  const copy = body.slice(); // aligned copy
  const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
  if (w === 1) return { data: copy, shape };
  if (descr === '<i4') return { data: new Int32Array(copy.buffer, 0, n), shape };
  if (descr === '<f4') return { data: new Float32Array(copy.buffer, 0, n), shape };
  if (descr === '<f8') return { data: new Float64Array(copy.buffer, 0, n), shape };
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = view.getBigInt64(i * 8, true);
    if (v > 2147483647n || v < -2147483648n) throw new NpyFormatError(`value ${v} at position ${i} does not fit in int32`);
    out[i] = Number(v);
  }
  return { data: out, shape };
}
