'use client';

import { useActionState } from 'react';
import { signInAction } from './actions';
import { Field, invalid } from '@/components/field';
import type { FormState } from '@/lib/form-errors';
import { submitWithoutReset } from '@/lib/use-form-action';

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, { errors: {}, values: {} });
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="stack">
      <input type="hidden" name="next" value={next} />
      <Field id="token" label="API token" hint="Create one with: npm run token -- create --org NAME" error={state.errors.token}>
        <input id="token" name="token" type="password" autoComplete="off" required className="mono" {...invalid('token', state.errors.token, true)} />
      </Field>
      <div><button type="submit" disabled={pending}>{pending ? 'Checking…' : 'Sign in'}</button></div>
    </form>
  );
}
