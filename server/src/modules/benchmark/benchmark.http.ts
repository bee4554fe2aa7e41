import fs from 'node:fs';
import http from 'node:http';
import { AppError } from '../../common/errors';
import { Services } from '../../services';
import { BenchmarkSplit } from './benchmark.entity';
import { leaderboardCsv } from './defense-leaderboard';

const ROUTE = /^\/downloads\/benchmarks\/([a-z0-9][a-z0-9-]{0,62})\/v([1-9]\d{0,5})\/(dev|test)\.tar$/;
const BOARD = /^\/downloads\/benchmarks\/([a-z0-9][a-z0-9-]{0,62})\/v([1-9]\d{0,5})\/leaderboard\.(csv|json)$/;

/** True for paths this handler serves. */
export const isBenchmarkDownload = (pathname: string) => pathname.startsWith('/downloads/benchmarks/');

/**
 * GET /downloads/benchmarks/<slug>/v<version>/<dev|test>.tar: the split's archive, streamed from the cache with its
 * Content-Length (progress bars work) and sha256 (ETag and X-Content-SHA256). No token is needed: benchmarks are public.
 */
export async function handleBenchmarkDownload(services: Services, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const pathname = url.pathname;
  const m = ROUTE.exec(pathname);
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'BAD_USER_INPUT', 'Only GET and HEAD are allowed');
  const board = BOARD.exec(pathname);
  if (board) return exportBoard(services, res, board[1], Number(board[2]), board[3] as 'csv' | 'json', url.searchParams.get('all') === '1');
  if (!m) return sendError(res, 404, 'NOT_FOUND', 'No such benchmark archive');
  let archive;
  try {
    const b = await services.benchmarks.get(m[1], Number(m[2]));
    archive = await services.benchmarks.archive(b, m[3] as BenchmarkSplit);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return sendError(res, 404, 'NOT_FOUND', e.message);
    throw e;
  }
  res.statusCode = 200;
  res.setHeader('content-type', 'application/x-tar');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-length', String(archive.sizeBytes));
  res.setHeader('content-disposition', `attachment; filename="${archive.fileName}"`);
  res.setHeader('etag', `"${archive.sha256}"`);
  res.setHeader('x-content-sha256', archive.sha256);
  res.setHeader('cache-control', 'public, max-age=3600');
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((resolve, reject) => {
    const stream = fs.createReadStream(archive.file);
    stream.on('error', reject);
    res.on('close', () => { stream.destroy(); resolve(); });
    stream.pipe(res).on('finish', resolve);
  });
}

/** GET .../leaderboard.csv|json[?all=1]: the defense board as a file (what the GraphQL field returns). */
async function exportBoard(services: Services, res: http.ServerResponse, slug: string, version: number, format: 'csv' | 'json', all: boolean): Promise<void> {
  let b;
  try {
    b = await services.benchmarks.get(slug, version);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return sendError(res, 404, 'NOT_FOUND', e.message);
    throw e;
  }
  const rows = await services.defenseBoard.rows(b.id, all, 10_000);
  const body = format === 'csv' ? leaderboardCsv(rows) : JSON.stringify({ benchmark: b.slug, version: b.version, generatedAt: new Date().toISOString(), rows }, null, 2);
  res.statusCode = 200;
  res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-disposition', `attachment; filename="${b.slug}-v${b.version}-leaderboard.${format}"`);
  res.end(body);
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('x-content-type-options', 'nosniff');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
