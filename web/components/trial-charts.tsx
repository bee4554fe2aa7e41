'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';

export interface EpochPoint { epoch: number; [metric: string]: number }
export interface PoisonPoint { alpha: number; epoch: number | null }

const COLORS = ['#1f6f5c', '#c0562c', '#3a5fa8', '#8a5a9c', '#7a7a2a'];
const NAMES: Record<string, string> = {
  shareAtTarget: 'poisons pseudo-labeled y*',
  targetProbability: 'p(y* | x*)',
  targetConfidence: 'target confidence',
  testAccuracy: 'clean accuracy',
  cleanAccuracy: 'clean accuracy',
};

/** Per-epoch series: share of poisons carrying y*, and whatever else the trial recorded per epoch. */
export function EpochChart({ points }: { points: EpochPoint[] }) {
  const keys = [...new Set(points.flatMap((p) => Object.keys(p)))].filter((k) => k !== 'epoch' && k !== 'step' && points.some((p) => typeof p[k] === 'number'));
  return (
    <div style={{ width: '100%', height: 260 }} data-testid="epoch-chart">
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 10, right: 20, bottom: 20, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" />
          <XAxis dataKey="epoch" type="number" domain={[0, 'auto']} allowDecimals={false} tickCount={6} label={{ value: 'epoch', position: 'insideBottom', offset: -10 }} />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : String(v))} />
          <Legend verticalAlign="top" />
          {keys.map((k, i) => (
            <Line key={k} type="monotone" dataKey={k} name={NAMES[k] ?? k} stroke={COLORS[i % COLORS.length]} dot={false} strokeWidth={2} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Contiguous runs of path positions whose poisons were never pseudo-labeled y* (drawn as bands, not marks). */
function neverRuns(points: PoisonPoint[]): [number, number][] {
  const sorted = [...points].sort((a, b) => a.alpha - b.alpha);
  const runs: [number, number][] = [];
  let start: number | null = null;
  let prev = 0;
  for (const p of sorted) {
    if (p.epoch === null) { if (start === null) start = p.alpha; prev = p.alpha; }
    else if (start !== null) { runs.push([start, prev]); start = null; }
  }
  if (start !== null) runs.push([start, prev]);
  return runs;
}

/**
 * Figure 5 of Carlini (2021): epoch at which each poison along the path was first pseudo-labeled y*. Poisons that
 * never were are shaded as bands along the path, so the chart stays readable with 1,000 poisons; marks shrink and
 * turn translucent as the count grows.
 */
export function PropagationChart({ points, maxEpoch }: { points: PoisonPoint[]; maxEpoch: number }) {
  const reached = points.filter((p) => p.epoch !== null).map((p) => ({ alpha: p.alpha, epoch: p.epoch as number }));
  const runs = neverRuns(points);
  const size = points.length > 300 ? 6 : points.length > 60 ? 14 : 30;
  const opacity = points.length > 300 ? 0.5 : 0.85;
  return (
    <div className="chart" style={{ height: 280 }} data-testid="propagation-chart">
      <ResponsiveContainer>
        <ScatterChart margin={{ top: 10, right: 20, bottom: 24, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--line)" />
          <XAxis type="number" dataKey="alpha" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} name="α" label={{ value: 'position α on the path (0 = source, 1 = target)', position: 'insideBottom', offset: -12 }} />
          <YAxis type="number" dataKey="epoch" name="epoch" domain={[0, Math.max(1, Math.ceil(maxEpoch))]} allowDecimals={false} tickCount={6} width={40} label={{ value: 'epoch', angle: -90, position: 'insideLeft' }} />
          <ZAxis range={[size, size]} />
          <Tooltip cursor={{ strokeDasharray: '3 3' }} />
          <Legend verticalAlign="top" />
          {runs.map(([a, b], i) => (
            <ReferenceArea key={i} x1={a} x2={Math.max(b, a + 0.004)} fill="#c0562c" fillOpacity={0.18} stroke="none" ifOverflow="visible" />
          ))}
          <Scatter name="first epoch labeled y*" data={reached} fill="#1f6f5c" fillOpacity={opacity} isAnimationActive={false} />
          {runs.length ? <Scatter name={`never labeled y* (${points.length - reached.length} poisons, shaded)`} data={[]} fill="#c0562c" fillOpacity={0.35} legendType="rect" isAnimationActive={false} /> : null}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
