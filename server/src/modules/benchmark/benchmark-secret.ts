import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The server secret that sequesters test replicates: their seeds and their unlabeled order are derived from it
 * with HMAC-SHA256, so nothing that reaches a client (configuration, replicate ids, files) lets anyone regenerate
 * a replicate and read off its poisons. FROGPOND_BENCHMARK_SECRET wins; otherwise a random secret is created once
 * under FROGPOND_HOME (mode 0600) and kept, so the sequestered files stay the same across restarts.
 */
export function resolveBenchmarkSecret(configured: string | undefined, home: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const file = path.join(home, 'benchmark-secret');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(home, { recursive: true });
  const secret = crypto.randomBytes(32);
  try {
    fs.writeFileSync(file, secret.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (e) {
    // Another process created it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    throw e;
  }
}

/** Keyed derivations for one benchmark version. */
export class BenchmarkKeys {
  constructor(private readonly secret: Buffer) {}

  private mac(parts: (string | number)[]): Buffer {
    return crypto.createHmac('sha256', this.secret).update(parts.join('\u0000')).digest();
  }

  /**
   * Seed of test replicate i: 31 bits in [2^20, 2^31), a range no development seed or reported cell uses.
   * Compute's generators take 32-bit seeds, so this is the whole key space a brute-force search would face.
   */
  testSeed(slug: string, version: number, i: number): number {
    return (1 << 20) + (this.mac(['test-seed', slug, version, i]).readUInt32BE(0) % (2 ** 31 - (1 << 20)));
  }

  /** Seed of the shuffle of test replicate i's unlabeled order. */
  testOrderSeed(slug: string, version: number, i: number): number {
    return this.mac(['test-order', slug, version, i]).readUInt32BE(0);
  }

  /** Short fingerprint naming cached sequestered files, so a changed secret never serves stale files. */
  fingerprint(): string {
    return this.mac(['cache-fingerprint']).toString('hex').slice(0, 16);
  }
}
