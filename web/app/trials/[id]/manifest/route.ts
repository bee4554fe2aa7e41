import { NextResponse } from 'next/server';
import { ApiError, gql } from '@/lib/graphql';
import { TrialManifestQuery } from '@/lib/queries';

/** The trial's JSON manifest, exactly as the server writes it. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let data;
  try {
    data = await gql(TrialManifestQuery, { id });
  } catch (e) {
    const code = e instanceof ApiError ? e.code : 'INTERNAL_SERVER_ERROR';
    return NextResponse.json({ error: code }, { status: code === 'NOT_FOUND' ? 404 : code === 'BAD_USER_INPUT' ? 400 : 502 });
  }
  return new NextResponse(data.trial.manifest, {
    headers: {
      'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="trial-${id.slice(0, 8)}-manifest.json"`,
      'x-content-type-options': 'nosniff', 'cache-control': 'private, no-cache',
    },
  });
}
