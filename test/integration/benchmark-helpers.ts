import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readTar, TarEntry } from '@frogpond/compute/dist/benchmark/tar';
import { startTestServer, TestServer } from './api-helpers';

export const TEST_SECRET = 'a-test-secret-that-is-at-least-32-characters-long';

/** A test server with its own FROGPOND_HOME (benchmark cache) and a fixed benchmark secret. */
export async function startBenchmarkServer(config: Record<string, unknown> = {}): Promise<TestServer & { home: string }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-bench-'));
  const server = await startTestServer({ config: { home, benchmarkSecret: TEST_SECRET, ...config } });
  const stop = server.stop.bind(server);
  return Object.assign(server, {
    home,
    async stop() {
      await stop();
      fs.rmSync(home, { recursive: true, force: true });
    },
  });
}

export const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/** GETs an archive and returns its raw bytes, headers and entries. */
export async function fetchArchive(server: { url: string }, p: string): Promise<{ status: number; headers: Headers; bytes: Buffer; entries: TarEntry[] }> {
  const res = await fetch(server.url + p);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, entries: res.status === 200 ? readTar(bytes) : [] };
}
