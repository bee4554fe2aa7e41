'use client';

import { useState, type FormEvent } from 'react';

/**
 * The errors of the last submission, each one hidden as soon as its field changes (the next submission brings a
 * fresh set). Put `onChange` on the <form>: change events bubble up from every field, named by `name`.
 */
export function useFieldErrors(errors: Record<string, string>): { errors: Record<string, string>; onChange: (e: FormEvent<HTMLFormElement>) => void } {
  const [changed, setChanged] = useState<{ of: Record<string, string>; names: ReadonlySet<string> }>({ of: errors, names: new Set() });
  const names = changed.of === errors ? changed.names : new Set<string>();
  const visible = Object.fromEntries(Object.entries(errors).filter(([k]) => !names.has(k)));
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const name = (e.target as HTMLInputElement).name;
    if (name && errors[name] && !names.has(name)) setChanged({ of: errors, names: new Set([...names, name]) });
  };
  return { errors: visible, onChange };
}
