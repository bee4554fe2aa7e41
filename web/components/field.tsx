/** A labelled form field whose error (from the API or the form) sits right beside it. */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <span className="hint" id={`${id}-hint`}>{hint}</span> : null}
      {error ? <span className="error" id={`${id}-error`} role="alert" data-testid={`error-${id}`}>{error}</span> : null}
    </div>
  );
}

/** aria attributes for an input with an optional error. */
export function invalid(id: string, error?: string, hint?: boolean) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined } as const;
}
