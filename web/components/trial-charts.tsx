'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';

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
          <XAxis dataKey="epoch" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => String(Math.round(v * 10) / 10)} label={{ value: 'epoch', position: 'insideBottom', offset: -10 }} />
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

/** Figure 5 of Carlini (2021): epoch at which each poison along the path was first pseudo-labeled y*. */
export function PropagationChart({ points, maxEpoch }: { points: PoisonPoint[]; maxEpoch: number }) {
  const reached = points.filter((p) => p.epoch !== null).map((p) => ({ alpha: p.alpha, epoch: p.epoch as number }));
  const never = points.filter((p) => p.epoch === null).map((p) => ({ alpha: p.alpha, epoch: maxEpoch + 1 }));
  return (
    <div style={{ width: '100%', height: 260 }} data-testid="propagation-chart">
      <ResponsiveContainer>
        <ScatterChart margin={{ top: 10, right: 20, bottom: 20, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ea" />
          <XAxis type="number" dataKey="alpha" domain={[0, 1]} name="α" label={{ value: 'position α on the path (0 = source, 1 = target)', position: 'insideBottom', offset: -10 }} />
          <YAxis type="number" dataKey="epoch" name="epoch" domain={[0, Math.ceil(maxEpoch + 1)]} tickFormatter={(v: number) => String(Math.round(v * 10) / 10)} label={{ value: 'epoch', angle: -90, position: 'insideLeft' }} />
          <Tooltip cursor={{ strokeDasharray: '3 3' }} />
          <Legend verticalAlign="top" />
          <Scatter name="first epoch labeled y*" data={reached} fill="#1f6f5c" isAnimationActive={false} />
          {never.length ? <Scatter name="never labeled y*" data={never} fill="#c0562c" shape="cross" isAnimationActive={false} /> : null}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
