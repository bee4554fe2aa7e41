import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');

/**
 * The host of the configured public origin (read when the server starts the app). Server actions arriving through a
 * reverse proxy carry that Origin while the Host header names the app's own address; Next.js accepts them for this
 * host only. The Origin itself is checked against the configured origin in proxy.ts.
 */
function publicHost() {
  try {
    return process.env.FROGPOND_PUBLIC_ORIGIN ? [new URL(process.env.FROGPOND_PUBLIC_ORIGIN).host] : [];
  } catch {
    return [];
  }
}

/** @type {import('next').NextConfig} */
const config = {
  // The monorepo root holds the lock file and the compute workspace the web imports.
  turbopack: { root },
  outputFileTracingRoot: root,
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { serverActions: { allowedOrigins: publicHost() } },
};

export default config;
