'use client';

import { startTransition, type FormEvent } from 'react';

/**
 * onSubmit for forms driven by useActionState: runs the server action without React's automatic form
 * reset, so a refused form keeps what the user typed (without JavaScript the form posts the same action).
 */
export function submitWithoutReset(action: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
}
