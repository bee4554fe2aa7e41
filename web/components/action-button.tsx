'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/app/experiments/[id]/actions';

/** One button posting a server action with hidden fields; its error or confirmation is announced beside it. */
export function ActionButton({ action, fields, label, pending, className, testId }: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  pending: string;
  className?: string;
  testId?: string;
}) {
  const [state, run, busy] = useActionState(action, {});
  return (
    <form action={run}>
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <button type="submit" className={className} disabled={busy} data-testid={testId}>{busy ? pending : label}</button>
      {state.error ? <span className="error small" role="alert"> {state.error}</span> : null}
      {state.done ? <span className="small muted" role="status"> {state.done}</span> : null}
    </form>
  );
}
