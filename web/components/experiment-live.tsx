'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import useSWR from 'swr';
import { ProgressBar, type ProgressView } from './progress';

export interface LiveProgress extends ProgressView { etaSeconds?: number | null; trialsPerMinute?: number; updatedAt?: unknown }

const FIRST_MS = 2000;
const MAX_MS = 30_000;

const fetcher = async (url: string): Promise<LiveProgress> => {
  const res = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) throw new Error(`progress answered HTTP ${res.status}`);
  return (await res.json()) as LiveProgress;
};

const isLive = (p: LiveProgress) => p.queued + p.running > 0;

/**
 * Progress of an experiment with rate and ETA, polled through SWR while trials are queued or running: every 2 s,
 * slowing by half again after each poll that saw no change (up to 30 s), and stopping once nothing is left to run.
 * When a trial finishes, the server-rendered tables below are refreshed.
 */
export function ExperimentLive({ id, initial }: { id: string; initial: LiveProgress }) {
  const router = useRouter();
  const interval = useRef(FIRST_MS);
  const last = useRef(`${initial.updatedAt ?? ''}|${initial.succeeded + initial.failed + initial.cancelled}`);
  const { data, mutate } = useSWR(`/experiments/${id}/progress`, fetcher, {
    fallbackData: initial,
    revalidateOnMount: isLive(initial),
    revalidateOnFocus: false,
    refreshInterval: (latest) => (latest && isLive(latest) ? interval.current : 0),
  });
  // A server render (after an action or a refresh) brings newer numbers than the last poll: take them.
  useEffect(() => { void mutate(initial, { revalidate: false }); }, [initial, mutate]);
  const p = data ?? initial;
  useEffect(() => {
    const key = `${p.updatedAt ?? ''}|${p.succeeded + p.failed + p.cancelled}`;
    if (key !== last.current) {
      last.current = key;
      interval.current = FIRST_MS;
      router.refresh();
    } else {
      interval.current = Math.min(MAX_MS, Math.round(interval.current * 1.5));
    }
  }, [p, router]);
  return <ProgressBar p={p} eta={p.etaSeconds ?? null} perMinute={p.trialsPerMinute ?? null} live={isLive(p)} />;
}
