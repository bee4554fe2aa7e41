import { NextResponse, type NextRequest } from 'next/server';
import { ApiError, gql } from '@/lib/graphql';
import { ArtifactQuery } from '@/lib/queries';

/** The artifact types the API stores (it refuses every other type), with the file extension each is served under. */
const SERVED_TYPES: Record<string, { ext: string; inline: boolean }> = {
  'image/png': { ext: 'png', inline: true },
  'application/json': { ext: 'json', inline: false },
  'application/x-npy': { ext: 'npy', inline: false },
};

/**
 * Serves one artifact's bytes through the API, with the viewer's token: a listed type or an opaque download, never
 * sniffed, sandboxed by its own CSP, and a filename so nothing renders as a page of this origin.
 */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string; artifactId: string }> }) {
  const { id, artifactId } = await params;
  try {
    const { trial } = await gql(ArtifactQuery, { trial: id });
    const artifact = trial.artifacts.find((a) => a.id === artifactId);
    if (!artifact?.base64) return new NextResponse('not found', { status: 404 });
    const served = SERVED_TYPES[artifact.mime];
    const type = served ? artifact.mime : 'application/octet-stream';
    const filename = `artifact-${artifact.id}.${served?.ext ?? 'bin'}`;
    return new NextResponse(Buffer.from(artifact.base64, 'base64'), {
      headers: {
        'content-type': type,
        'x-content-type-options': 'nosniff',
        'content-disposition': `${served?.inline ? 'inline' : 'attachment'}; filename="${filename}"`,
        'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
        'cross-origin-resource-policy': 'same-origin',
        'cache-control': 'private, max-age=3600',
        etag: `"${artifact.sha256}"`,
      },
    });
  } catch (e) {
    const code = e instanceof ApiError ? e.code : 'INTERNAL_SERVER_ERROR';
    const status = code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' ? 404 : code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? 403 : 502;
    return new NextResponse(code, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}
