'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div>
      <h1>Something went wrong</h1>
      <div className="alert error" role="alert">
        The page could not be rendered{error.digest ? <> (reference <span className="mono">{error.digest}</span>)</> : null}.
      </div>
      <button type="button" onClick={() => reset()}>Try again</button>
    </div>
  );
}
