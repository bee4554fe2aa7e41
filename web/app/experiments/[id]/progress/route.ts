import { NextResponse, type NextRequest } from 'next/server';
import { ApiError, gql } from '@/lib/graphql';
import { ExperimentProgressQuery } from '@/lib/queries';

/** The experiment's progress as JSON, with the viewer's token: what the page polls while trials run. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const data = await gql(ExperimentProgressQuery, { id });
    return NextResponse.json(data.experimentProgress, { headers: { 'cache-control': 'no-store' } });
  } catch (e) {
    const code = e instanceof ApiError ? e.code : 'INTERNAL_SERVER_ERROR';
    const status = code === 'NOT_FOUND' ? 404 : code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? 403 : 502;
    return NextResponse.json({ code }, { status, headers: { 'cache-control': 'no-store' } });
  }
}
