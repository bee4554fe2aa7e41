import { NextResponse, type NextRequest } from 'next/server';
import { ApiError, gql } from '@/lib/graphql';
import { ArtifactQuery } from '@/lib/queries';

/** Serves one artifact's bytes (PNG strips) through the API, with the viewer's token. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string; artifactId: string }> }) {
  const { id, artifactId } = await params;
  try {
    const { trial } = await gql(ArtifactQuery, { trial: id });
    const artifact = trial.artifacts.find((a) => a.id === artifactId);
    if (!artifact?.base64) return new NextResponse('not found', { status: 404 });
    return new NextResponse(Buffer.from(artifact.base64, 'base64'), {
      headers: { 'content-type': artifact.mime, 'cache-control': 'private, max-age=31536000, immutable', etag: `"${artifact.sha256}"` },
    });
  } catch (e) {
    const code = e instanceof ApiError ? e.code : 'INTERNAL_SERVER_ERROR';
    return new NextResponse(code, { status: code === 'NOT_FOUND' ? 404 : code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? 403 : 502 });
  }
}
