export interface ProgressView { queued: number; running: number; succeeded: number; failed: number; cancelled: number; total: number }

export function ProgressBar({ p }: { p: ProgressView }) {
  const done = p.succeeded + p.failed + p.cancelled;
  const frac = p.total ? done / p.total : 0;
  return (
    <div data-testid="progress" data-done={done} data-total={p.total}>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={p.total} aria-valuenow={done} aria-label="Trials finished">
        <span style={{ width: `${(frac * 100).toFixed(1)}%` }} />
      </div>
      <p className="small muted">
        {done} of {p.total} trials finished · {p.running} running · {p.queued} queued
        {p.failed ? ` · ${p.failed} failed` : ''}{p.cancelled ? ` · ${p.cancelled} cancelled` : ''}
      </p>
    </div>
  );
}

/** Folds the API's statusCounts into a ProgressView. */
export function progressFrom(counts: { status: string; count: number }[], total: number): ProgressView {
  const get = (s: string) => counts.find((c) => String(c.status) === s)?.count ?? 0;
  return { queued: get('QUEUED'), running: get('RUNNING'), succeeded: get('SUCCEEDED'), failed: get('FAILED'), cancelled: get('CANCELLED'), total };
}
