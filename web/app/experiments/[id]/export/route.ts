import { NextResponse, type NextRequest } from 'next/server';
import { ApiError, gql } from '@/lib/graphql';
import { ExperimentMatrixQuery } from '@/lib/queries';
import { exportRows, parseAxes, toCellViews, toEnum } from '@/lib/matrix';
import { toCsv } from '@/lib/format';

/** CSV or JSON of the table the experiment page shows for the same rows/cols. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const sp = req.nextUrl.searchParams;
  const axes = parseAxes(sp.getAll('rows').join(','), sp.getAll('cols').join(','));
  const format = sp.get('format') === 'json' ? 'json' : 'csv';
  let data;
  try {
    data = await gql(ExperimentMatrixQuery, { id, rows: axes.rows.map(toEnum), columns: axes.cols.map(toEnum) });
  } catch (e) {
    const code = e instanceof ApiError ? e.code : 'INTERNAL_SERVER_ERROR';
    const status = code === 'NOT_FOUND' ? 404 : code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? 403 : 502;
    return NextResponse.json({ error: code }, { status });
  }
  if (!data.experiment) return NextResponse.json({ error: 'NOT_FOUND' }, { status: 404 });
  const rows = exportRows(toCellViews(data.experiment.matrix.cells, axes.rows, axes.cols), axes.rows, axes.cols);
  const base = `experiment-${id.slice(0, 8)}-${[...axes.rows, 'by', ...axes.cols].join('-')}`;
  if (format === 'json') {
    return new NextResponse(JSON.stringify({ experiment: id, rows: axes.rows, columns: axes.cols, cells: rows }, null, 2), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${base}.json"` },
    });
  }
  const header = [...axes.rows, ...axes.cols, 'successes', 'trials', 'rate', 'wilsonLow', 'wilsonHigh', 'cleanAccuracy', 'paper'];
  const csv = toCsv([header, ...rows.map((r) => header.map((h) => r[h]))]);
  return new NextResponse(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${base}.csv"` },
  });
}
