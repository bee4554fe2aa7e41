/**
 * A minimal POSIX ustar writer and reader for benchmark archives: regular files only, names up to 100 bytes,
 * readable by `tar -xf` and Python's `tarfile`.
 */

export interface TarEntry {
  name: string;
  bytes: Uint8Array;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** The 512-byte ustar header of a regular file. */
export function tarHeader(name: string, size: number, mtime = 0): Uint8Array {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length === 0 || nameBytes.length > 100) throw new RangeError(`tar entry name must be 1..100 bytes: ${name}`);
  if (name.startsWith('/') || name.split('/').includes('..')) throw new RangeError(`tar entry name must be relative: ${name}`);
  const h = new Uint8Array(BLOCK);
  const put = (text: string | Uint8Array, offset: number) => h.set(typeof text === 'string' ? Buffer.from(text, 'latin1') : text, offset);
  put(nameBytes, 0);
  put(octal(0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(size, 12), 124);
  put(octal(mtime, 12), 136);
  put('        ', 148); // checksum field counts as spaces while summing
  put('0', 156);
  put('ustar\0', 257);
  put('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  put(octal(sum, 7) + ' ', 148);
  return h;
}

/** Bytes of padding after a file body of `size` bytes. */
export const tarPadding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

/** Total archive size for files of these sizes (headers, bodies, padding, two zero end blocks). */
export function tarSize(sizes: readonly number[]): number {
  return sizes.reduce((s, n) => s + BLOCK + n + tarPadding(n), 0) + 2 * BLOCK;
}

/** The archive as a sequence of chunks (headers, bodies, padding, end blocks), for streaming without one big copy. */
export function* tarChunks(entries: Iterable<TarEntry>): Generator<Uint8Array> {
  for (const e of entries) {
    yield tarHeader(e.name, e.bytes.length);
    yield e.bytes;
    const pad = tarPadding(e.bytes.length);
    if (pad) yield new Uint8Array(pad);
  }
  yield new Uint8Array(2 * BLOCK);
}

/** Reads the regular files of a ustar archive (throws RangeError on a corrupt header). */
export function readTar(archive: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let off = 0;
  while (off + BLOCK <= archive.length) {
    const h = archive.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    const text = (a: number, n: number) => Buffer.from(h.subarray(a, a + n)).toString('utf8').replace(/\0.*$/s, '');
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
    if (parseInt(text(148, 8).trim(), 8) !== sum) throw new RangeError(`tar header checksum mismatch at byte ${off}`);
    const size = parseInt(text(124, 12).trim(), 8);
    const name = text(0, 100);
    const type = text(156, 1) || '0';
    off += BLOCK;
    if (off + size > archive.length) throw new RangeError(`tar entry ${name} is truncated`);
    if (type === '0') out.push({ name, bytes: archive.slice(off, off + size) });
    off += size + tarPadding(size);
  }
  return out;
}
