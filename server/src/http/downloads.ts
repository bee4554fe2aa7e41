import http from 'node:http';
import crypto from 'node:crypto';
import { Actor } from '../common/auth';
import { AppError } from '../common/errors';
import { Services } from '../services';
import { ExportFile, parseDimensions } from '../modules/experiment/experiment-export.service';
import { EvidenceFile } from '../modules/trial/trial-evidence.service';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ROUTES: { re: RegExp; file: (s: Services, actor: Actor | null, m: RegExpExecArray, url: URL, base: string) => Promise<ExportFile | EvidenceFile> }[] = [
  {
    re: new RegExp(`^/api/experiments/(${UUID})/matrix\\.(csv|json|tex)$`),
    file: (s, actor, m, url) => s.exports.matrixFile(actor, m[1], m[2] as 'csv' | 'json' | 'tex',
      parseDimensions(url.searchParams.get('rows')), parseDimensions(url.searchParams.get('cols') ?? url.searchParams.get('columns'))),
  },
  { re: new RegExp(`^/api/experiments/(${UUID})/citation\\.bib$`), file: (s, actor, m, _url, base) => s.exports.citationFile(actor, m[1], base) },
  { re: new RegExp(`^/api/trials/(${UUID})/manifest\\.json$`), file: (s, actor, m, _url, base) => s.evidence.manifest(actor, m[1], base) },
  { re: new RegExp(`^/api/trials/(${UUID})/poisons\\.npy$`), file: (s, actor, m) => s.evidence.poisons(actor, m[1]) },
];

/** True when the path is a download route (GET /api/...). */
export const isDownload = (pathname: string) => ROUTES.some((r) => r.re.test(pathname));

/**
 * Download routes: the same export functions as the GraphQL fields, as files. Bearer token as for /graphql; private
 * data is never cacheable by shared caches; every file carries an ETag and answers If-None-Match with 304.
 */
export async function serveDownload(services: Services, base: string, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const route = ROUTES.map((r) => ({ r, m: r.re.exec(url.pathname) })).find((x) => x.m)!;
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { allow: 'GET, HEAD' });
  let file: ExportFile | EvidenceFile;
  try {
    const actor = await services.organizations.authenticate(req.headers.authorization);
    file = await route.r.file(services, actor, route.m!, url, base);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const status = e.code === 'NOT_FOUND' ? 404 : e.code === 'UNAUTHENTICATED' ? 401 : e.code === 'FORBIDDEN' ? 403 : 400;
    return send(res, status, 'application/json; charset=utf-8', JSON.stringify({ errors: [{ message: e.message, extensions: { code: e.code } }] }));
  }
  const etag = `"${crypto.createHash('sha256').update(file.body).digest('base64url').slice(0, 27)}"`;
  const headers = {
    etag,
    'cache-control': file.isPublic && !req.headers.authorization ? 'public, max-age=0, must-revalidate' : 'private, no-cache',
    'content-disposition': `attachment; filename="${file.filename}"`,
    'x-content-type-options': 'nosniff',
    vary: 'Authorization',
  };
  if (req.headers['if-none-match'] === etag) return send(res, 304, null, null, headers);
  return send(res, 200, file.contentType, req.method === 'HEAD' ? null : file.body, headers);
}

function send(res: http.ServerResponse, status: number, type: string | null, body: string | Buffer | null, headers: Record<string, string> = {}) {
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (type) res.setHeader('content-type', type);
  res.end(body ?? undefined);
}
