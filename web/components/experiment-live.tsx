'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import useSWR from 'swr';
import { ProgressBar, type ProgressView } from './progress';

export interface LiveProgress extends ProgressView { etaSeconds?: number | null; trialsPerMinute?: number; updatedAt?: unknown }

const FIRST_MS = 2000;
const MAX_MS = 15_000;

const fetcher = async (url: string): Promise<LiveProgress> => {
  const res = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw new Error(`progress answered HTTP ${res.status}`);
  return (await res.json()) as LiveProgress;
};

const isLive = (p: LiveProgress) => p.queued + p.running > 0;

/**
 * Progress of an experiment with rate and ETA, polled through SWR while trials are queued or running: every 2 s,
 * slowing by half again after each poll that saw no change (up to 15 s), and stopping once nothing is left to run.
 * When a trial finishes, the server-rendered tables below are refreshed.
 */
export function ExperimentLive({ id, initial }: { id: string; initial: LiveProgress }) {
  const router = useRouter();
  // Plain numbers for SWR's refreshInterval: it reschedules its timer when the number changes.
  const [ms, setMs] = useState(FIRST_MS);
  const [live, setLive] = useState(isLive(initial));
  const last = useRef(`${initial.updatedAt ?? ''}|${initial.succeeded + initial.failed + initial.cancelled}`);
  const { data, mutate } = useSWR(`/experiments/${id}/progress`, fetcher, {
    fallbackData: initial,
    revalidateOnMount: live,
    revalidateOnFocus: false,
    refreshInterval: live ? ms : 0,
    // Every answer, changed or not (SWR keeps an equal answer as the same data, so this is where to count).
    onSuccess: (d) => {
      const key = `${d.updatedAt ?? ''}|${d.succeeded + d.failed + d.cancelled}`;
      if (key !== last.current) {
        last.current = key;
        setMs(FIRST_MS);
        router.refresh();
      } else {
        setMs((m) => Math.min(MAX_MS, Math.round(m * 1.5)));
      }
    },
  });
  // A server render (after an action or a refresh) brings newer numbers than the last poll: take them.
  useEffect(() => { void mutate(initial, { revalidate: false }); }, [initial, mutate]);
  const p = data ?? initial;
  useEffect(() => { setLive(isLive(p)); }, [p]);
  return <ProgressBar p={p} eta={p.etaSeconds ?? null} perMinute={p.trialsPerMinute ?? null} live={isLive(p)} />;
}
