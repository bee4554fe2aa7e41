'use client';

import { Area, AreaChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';

/** A density sampled evenly on [0, 1], plotted with axes: α from the source (0) to the target (1). */
export function DensityPlot({ samples, width = 260, height = 150, label }: { samples: number[]; width?: number; height?: number; label: string }) {
  if (samples.length < 2) return null;
  const data = samples.map((v, i) => ({ alpha: i / (samples.length - 1), p: Number.isFinite(v) ? Math.max(0, v) : 0 }));
  const round = (v: number) => String(Math.round(v * 100) / 100);
  return (
    <div role="img" aria-label={`Plot of density ${label} on [0, 1]`} data-testid="density-plot">
      <AreaChart width={width} height={height} data={data} margin={{ top: 4, right: 10, bottom: 16, left: -18 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--line)" />
        <XAxis dataKey="alpha" type="number" domain={[0, 1]} ticks={[0, 0.5, 1]} tickFormatter={round} fontSize={10} label={{ value: 'α: source → target', position: 'insideBottom', offset: -8, fontSize: 10 }} />
        <YAxis domain={[0, 'auto']} tickCount={4} tickFormatter={round} fontSize={10} />
        <Legend verticalAlign="top" height={18} wrapperStyle={{ fontSize: 10 }} />
        <Area dataKey="p" name="density of poisons" type="monotone" stroke="#1f6f5c" fill="#5fb394" fillOpacity={0.35} isAnimationActive={false} />
      </AreaChart>
    </div>
  );
}
