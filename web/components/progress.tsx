export interface ProgressView { queued: number; running: number; succeeded: number; failed: number; cancelled: number; total: number }

/** "about 3 min", "about 1 h 20 min": an ETA rounded as coarsely as it is known. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const min = Math.round(seconds / 60);
  if (min < 60) return `${min} min`;
  return `${Math.floor(min / 60)} h ${min % 60} min`;
}

export function ProgressBar({ p, eta = null, perMinute = null, live = false }: { p: ProgressView; eta?: number | null; perMinute?: number | null; live?: boolean }) {
  const done = p.succeeded + p.failed + p.cancelled;
  const frac = p.total ? done / p.total : 0;
  return (
    <div data-testid="progress" data-done={done} data-total={p.total} data-live={live ? 'true' : 'false'}>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={p.total} aria-valuenow={done} aria-label="Trials finished">
        <span style={{ width: `${(frac * 100).toFixed(1)}%` }} />
      </div>
      <p className="small muted" aria-live="polite">
        {done} of {p.total} {p.total === 1 ? 'trial' : 'trials'} finished · {p.running} running · {p.queued} queued
        {p.failed ? ` · ${p.failed} failed` : ''}{p.cancelled ? ` · ${p.cancelled} cancelled` : ''}
        {live && perMinute != null ? <span data-testid="rate"> · {perMinute.toFixed(1)} trials/min</span> : null}
        {live ? <span data-testid="eta"> · {eta != null ? `about ${duration(eta)} left` : 'time left not known yet'}</span> : null}
      </p>
    </div>
  );
}

/** Folds the API's statusCounts into a ProgressView. */
export function progressFrom(counts: { status: string; count: number }[], total: number): ProgressView {
  const get = (s: string) => counts.find((c) => String(c.status) === s)?.count ?? 0;
  return { queued: get('QUEUED'), running: get('RUNNING'), succeeded: get('SUCCEEDED'), failed: get('FAILED'), cancelled: get('CANCELLED'), total };
}
