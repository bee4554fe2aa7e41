import { badInput } from './errors';

/**
 * The only kinds of bytes frogpond stores and serves as trial artifacts. Anything else (HTML, SVG, scripts, unknown
 * types) is refused when a result is recorded, so no user-influenced bytes can ever be served as active content.
 */
export const ARTIFACT_TYPES = {
  'image/png': { extension: 'png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  'application/json': { extension: 'json', magic: null },
  'application/x-npy': { extension: 'npy', magic: Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]) },
} as const;
export type ArtifactMime = keyof typeof ARTIFACT_TYPES;

/** Largest artifact accepted (bytes): poison strips and plot data are far smaller. */
export const MAX_ARTIFACT_BYTES = 8 * 1024 * 1024;

export const isArtifactMime = (mime: string): mime is ArtifactMime => Object.prototype.hasOwnProperty.call(ARTIFACT_TYPES, mime);

/**
 * Checks an artifact before it is stored: a listed type, content that really is of that type (PNG and NPY by their
 * magic bytes, JSON by parsing), a bounded size and a plain kind label. Throws BAD_USER_INPUT otherwise.
 */
export function checkArtifact(kind: string, mime: string, bytes: Buffer): ArtifactMime {
  if (typeof kind !== 'string' || !/^[a-z0-9][a-z0-9._-]{0,63}$/i.test(kind)) throw badInput('Artifact kind must be 1-64 letters, digits, dots, dashes or underscores');
  if (!isArtifactMime(mime)) throw badInput(`Artifact type "${String(mime).slice(0, 80)}" is not allowed (allowed: ${Object.keys(ARTIFACT_TYPES).join(', ')})`);
  if (bytes.length === 0 || bytes.length > MAX_ARTIFACT_BYTES) throw badInput(`Artifact ${kind} must be 1..${MAX_ARTIFACT_BYTES} bytes`);
  const { magic } = ARTIFACT_TYPES[mime];
  if (magic && !bytes.subarray(0, magic.length).equals(magic)) throw badInput(`Artifact ${kind} is not a ${mime} file`);
  if (mime === 'application/json') {
    try { JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)); } catch { throw badInput(`Artifact ${kind} is not valid JSON`); }
  }
  return mime;
}
