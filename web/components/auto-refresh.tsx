'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import useSWR from 'swr';

/**
 * Re-renders the page's server components while `active` (a running trial), scheduled by SWR: first after `ms`,
 * then half again slower each time (up to 15 s); the page stops asking once it renders with `active` false.
 */
export function AutoRefresh({ active, ms = 2000 }: { active: boolean; ms?: number }) {
  const router = useRouter();
  const path = usePathname();
  const [delay, setDelay] = useState(ms);
  useSWR(active ? ['refresh', path] : null, () => {
    router.refresh();
    setDelay((m) => Math.min(15_000, Math.round(m * 1.5)));
    return Date.now();
  }, { refreshInterval: delay, revalidateOnMount: false, revalidateOnFocus: false, dedupingInterval: 0 });
  return null;
}
