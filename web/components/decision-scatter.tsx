'use client';

import { CartesianGrid, Legend, Scatter, ScatterChart, XAxis, YAxis, useXAxisScale, useYAxisScale, ResponsiveContainer } from 'recharts';
import { schemeTableau10 } from 'd3-scale-chromatic';
import { scaleLinear } from 'd3-scale';
import type { DecisionRegions } from '@frogpond/compute';

const classColor = (c: number) => schemeTableau10[c % schemeTableau10.length];

/** The decision regions, drawn behind the points from the chart's own axis scales. */
function Regions({ pic }: { pic: DecisionRegions }) {
  const sx = useXAxisScale();
  const sy = useYAxisScale();
  if (!sx || !sy) return null;
  const dx = (pic.x1 - pic.x0) / pic.size;
  const dy = (pic.y1 - pic.y0) / pic.size;
  const rects = [];
  for (let j = 0; j < pic.size; j++) for (let i = 0; i < pic.size; i++) {
    const x = Number(sx(pic.x0 + i * dx));
    const y = Number(sy(pic.y0 + (j + 1) * dy));
    const w = Number(sx(pic.x0 + (i + 1) * dx)) - x;
    const h = Number(sy(pic.y0 + j * dy)) - y;
    rects.push(<rect key={j * pic.size + i} x={x} y={y} width={w + 0.5} height={h + 0.5} fill={classColor(pic.classes[j * pic.size + i])} fillOpacity={0.18} />);
  }
  return <g aria-hidden="true">{rects}</g>;
}

/**
 * A 2-D (toy) trial: the trained model's decision regions (shaded by predicted class), the labeled and a sample of
 * the unlabeled examples coloured by class, the poisons along the path, the source x′ and the target x*.
 */
export function DecisionScatter({ pic }: { pic: DecisionRegions }) {
  const byClass = (pts: [number, number, number][]) =>
    Array.from({ length: pic.numClasses }, (_, c) => pts.filter((p) => p[2] === c).map(([x, y]) => ({ x, y })));
  const labeled = byClass(pic.labeled);
  const unlabeled = byClass(pic.unlabeled);
  const poisons = pic.poisons.map(([x, y, a]) => ({ x, y, a }));
  const round = (v: number) => String(Math.round(v * 100) / 100);
  // Round tick values inside the grid's bounds (0.2, 0.4, ... rather than the bounds' own digits).
  const xTicks = scaleLinear().domain([pic.x0, pic.x1]).ticks(5);
  const yTicks = scaleLinear().domain([pic.y0, pic.y1]).ticks(5);
  return (
    <figure style={{ margin: 0 }}>
      <div className="chart" style={{ height: 380 }} data-testid="decision-scatter" role="img"
        aria-label={`Decision regions of the trained model with ${pic.labeled.length} labeled examples, ${pic.poisons.length} poisons from the source to the target, and the target predicted in the region of its class`}>
        <ResponsiveContainer>
          <ScatterChart margin={{ top: 10, right: 16, bottom: 24, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--line)" />
            <XAxis type="number" dataKey="x" domain={[pic.x0, pic.x1]} allowDataOverflow ticks={xTicks} tickFormatter={round} label={{ value: 'x₁', position: 'insideBottom', offset: -12 }} />
            <YAxis type="number" dataKey="y" domain={[pic.y0, pic.y1]} allowDataOverflow ticks={yTicks} tickFormatter={round} width={44} label={{ value: 'x₂', angle: -90, position: 'insideLeft' }} />
            <Regions pic={pic} />
            <Legend verticalAlign="top" wrapperStyle={{ fontSize: '0.8rem' }} />
            {unlabeled.map((pts, c) => <Scatter key={`u${c}`} name={`unlabeled, class ${c}`} data={pts} fill={classColor(c)} fillOpacity={0.35} shape="circle" legendType="circle" isAnimationActive={false} />)}
            {labeled.map((pts, c) => <Scatter key={`l${c}`} name={`labeled, class ${c}`} data={pts} fill={classColor(c)} stroke="#111" shape="diamond" legendType="diamond" isAnimationActive={false} />)}
            <Scatter name={`poisons (${pic.poisons.length}, labeled y* = ${pic.targetLabel} by the attacker)`} data={poisons} fill="#d62728" shape="triangle" line={{ stroke: '#d62728', strokeWidth: 1 }} legendType="triangle" isAnimationActive={false} />
            {pic.source ? <Scatter name="source x′" data={[{ x: pic.source[0], y: pic.source[1] }]} fill="#111" shape="square" legendType="square" isAnimationActive={false} /> : null}
            <Scatter name="target x*" data={[{ x: pic.target[0], y: pic.target[1] }]} fill="#111" shape="star" legendType="star" isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="small muted">Shading: the class the trained model predicts at each point of the plane. The poisons run from x′ (a labeled example of y*) to x*; the attack succeeds when x* falls in the region of y* = {pic.targetLabel}.</figcaption>
    </figure>
  );
}
