import { NextResponse, type NextRequest } from 'next/server';
import { ApiError, gql } from '@/lib/graphql';
import { ExperimentExportQuery } from '@/lib/queries';
import { parseAxes, toEnum } from '@/lib/matrix';

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', tex: 'application/x-tex; charset=utf-8' } as const;

/** CSV, JSON or LaTeX of the table the experiment page shows, exactly as the server exports it. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const sp = req.nextUrl.searchParams;
  const axes = parseAxes(sp.getAll('rows').join(','), sp.getAll('cols').join(','));
  const requested = sp.get('format');
  const format: keyof typeof TYPES = requested === 'json' || requested === 'tex' ? requested : 'csv';
  let data;
  try {
    data = await gql(ExperimentExportQuery, { id, rows: axes.rows.map(toEnum), columns: axes.cols.map(toEnum) });
  } catch (e) {
    const code = e instanceof ApiError ? e.code : 'INTERNAL_SERVER_ERROR';
    const status = code === 'NOT_FOUND' ? 404 : code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? 403 : code === 'BAD_USER_INPUT' ? 400 : 502;
    return NextResponse.json({ error: code }, { status });
  }
  if (!data.experiment) return NextResponse.json({ error: 'NOT_FOUND' }, { status: 404 });
  const m = data.experiment.matrix;
  const body = format === 'json' ? m.json : format === 'tex' ? m.latex : m.csv;
  const base = `experiment-${id.slice(0, 8)}-${[...axes.rows, 'by', ...axes.cols].join('-')}`;
  return new NextResponse(body, {
    headers: {
      'content-type': TYPES[format], 'content-disposition': `attachment; filename="${base}.${format}"`,
      'x-content-type-options': 'nosniff', 'cache-control': 'private, no-cache',
    },
  });
}
