'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useRef } from 'react';
import useSWR from 'swr';

/**
 * Re-renders the page's server components while `active` (a running trial), scheduled by SWR: first after `ms`,
 * then half again slower each time (up to 30 s); the page stops asking once it renders with `active` false.
 */
export function AutoRefresh({ active, ms = 2000 }: { active: boolean; ms?: number }) {
  const router = useRouter();
  const path = usePathname();
  const interval = useRef(ms);
  useSWR(active ? ['refresh', path] : null, () => {
    router.refresh();
    interval.current = Math.min(30_000, Math.round(interval.current * 1.5));
    return Date.now();
  }, { refreshInterval: () => interval.current, revalidateOnMount: false, revalidateOnFocus: false, dedupingInterval: 0 });
  return null;
}
