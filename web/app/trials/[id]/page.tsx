import { Fragment } from 'react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { gql } from '@/lib/graphql';
import { ArtifactQuery, TrialQuery } from '@/lib/queries';
import type { DecisionRegions } from '@frogpond/compute';
import { DecisionScatter } from '@/components/decision-scatter';
import { ActionButton } from '@/components/action-button';
import { getViewer } from '@/lib/session';
import { stripCaption } from '@/lib/trial-view';
import { reproduceTrialAction } from '@/app/experiments/[id]/actions';
import { ApiFailure, StatusBadge } from '@/components/states';
import { AutoRefresh } from '@/components/auto-refresh';
import { DefenseCard } from '@/components/defense-card';
import { ScoreHistogram, type ScoreHistogramData } from '@/components/score-histogram';
import { EpochChart, PropagationChart, type EpochPoint } from '@/components/trial-charts';
import { dateTime, ms, pct, ratePct } from '@/lib/format';
import { failObjectPage } from '@/lib/page-status';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Trial' };

interface Propagation { alphas?: number[]; firstEpochAtTarget?: (number | null)[]; epochs?: EpochPoint[] }

export default async function TrialPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let data;
  try {
    data = await gql(TrialQuery, { id });
  } catch (e) {
    failObjectPage(e);
    return <><h1>Trial</h1><ApiFailure error={e} /></>;
  }
  const t = data.trial;
  if (!t) notFound();
  const r = t.result;
  const prop = (r?.propagation ?? {}) as Propagation;
  const alphas = prop.alphas ?? [];
  const first = prop.firstEpochAtTarget ?? [];
  const epochs = (prop.epochs ?? []).filter((p) => typeof p.epoch === 'number');
  const maxEpoch = Math.max(0, ...epochs.map((p) => p.epoch), ...first.filter((x): x is number => x !== null));
  const detection = (r?.detection ?? null) as ({ kind?: string } & Record<string, unknown>) | null;
  const viewer = await getViewer();
  // JSON artifacts drawn on this page: the decision regions of 2-D trials and a defense's score histogram (trials
  // recorded before those existed have neither). One request fetches their bytes.
  const regionsArtifact = t.artifacts.find((a) => a.kind === 'decision-regions' && a.mime === 'application/json');
  const scoresArtifact = t.artifacts.find((a) => a.kind === 'defense-scores' && a.mime === 'application/json');
  const stored = regionsArtifact || scoresArtifact ? await gql(ArtifactQuery, { trial: t.id }) : null;
  const json = <T,>(id: string | undefined): T | null => {
    const b64 = id ? stored?.trial.artifacts.find((a) => a.id === id)?.base64 : undefined;
    try { return b64 ? (JSON.parse(Buffer.from(b64, 'base64').toString('utf8')) as T) : null; } catch { return null; }
  };
  const regions = json<DecisionRegions>(regionsArtifact?.id);
  const histogram = json<ScoreHistogramData>(scoresArtifact?.id);
  const reachedCount = first.filter((x) => x !== null).length;
  const timings = (r?.timings ?? {}) as Record<string, number>;
  const strips = t.artifacts.filter((a) => a.mime.startsWith('image/'));
  const live = t.status === 'QUEUED' || t.status === 'RUNNING';
  const progress = t.progress as { phase?: string; step?: number; total?: number } | null;
  return (
    <>
      <AutoRefresh active={live} />
      <p className="small"><Link href={`/experiments/${t.experiment.id}`}>← {t.experiment.name}</Link></p>
      <h1>Trial #{t.ordinal} <StatusBadge status={String(t.status)} /></h1>
      <p className="lead">
        {t.attack ? `${t.attack.name} v${t.attack.version}` : t.attackKind} on {t.dataset} ({t.labels} labels) with {t.algorithm} at {ratePct(t.rate)}
        {t.density ? <> · density <code>{t.density}</code></> : null} · defense {t.defense ? `${t.defense.name} v${t.defense.version}` : t.defenseKind}
      </p>
      {live && progress ? <p className="small muted" role="status">Running: {progress.phase} {progress.step ?? ''}/{progress.total ?? ''}</p> : null}
      {t.error ? <div className="alert error" role="alert"><strong>{t.status === 'FAILED' ? 'Failed: ' : ''}</strong>{t.error}</div> : null}
      {viewer && viewer.role !== 'viewer' && t.status === 'SUCCEEDED' ? (
        <div className="actions"><ActionButton action={reproduceTrialAction} fields={{ trialId: t.id }} label="Reproduce this trial" pending="Creating…" className="secondary" testId="reproduce" /></div>
      ) : null}

      {r ? (
        <div className="row">
          <div className="panel grow" style={{ minWidth: 0 }}>
            <h2 style={{ marginTop: 0 }}>Outcome</h2>
            <p style={{ fontSize: '1.2rem' }} data-testid="outcome">
              {r.success ? <span className="badge bad">attack succeeded</span> : <span className="badge ok">attack failed</span>}{' '}
              target predicted as class <strong>{r.targetPrediction ?? '–'}</strong> ({pct(r.targetConfidence, 1)}); y* = {t.targetLabel ?? '–'}, true class {t.targetClass ?? '–'}
            </p>
            <dl className="kv">
              <dt>Clean accuracy</dt><dd>{pct(r.cleanAccuracy, 1)}</dd>
              <dt>Poisons</dt><dd>{r.poisonCount}{r.poisonShareAtTarget != null ? ` (${pct(r.poisonShareAtTarget, 0)} predicted as y* at the end)` : ''}</dd>
              {Object.entries((r.attackMetrics ?? {}) as Record<string, number>).map(([k, val]) => (
                <Fragment key={k}><dt>{k}</dt><dd className="mono">{Number.isInteger(val) ? val : val.toPrecision(4)}</dd></Fragment>
              ))}
              <dt>Source / target index</dt><dd className="mono">{t.sourceIndex ?? '–'} / {t.targetIndex ?? '–'}</dd>
              <dt>Seed</dt><dd className="mono">{t.seed}</dd>
              <dt>Backend</dt><dd className="mono">{r.backend}</dd>
              <dt>Config hash</dt><dd className="mono small">{r.configHash}</dd>
            </dl>
          </div>
          <div className="panel">
            <h2 style={{ marginTop: 0 }}>Timings</h2>
            <dl className="kv">
              {Object.entries(timings).map(([k, v]) => <div key={k} style={{ display: 'contents' }}><dt>{k.replace(/Ms$/, '')}</dt><dd>{ms(v)}</dd></div>)}
              <dt>started</dt><dd className="small">{dateTime(t.startedAt as string | null)}</dd>
              <dt>finished</dt><dd className="small">{dateTime(t.finishedAt as string | null)}</dd>
            </dl>
          </div>
        </div>
      ) : (
        <div className="panel"><p className="muted">No result yet{live ? ': this page refreshes while the trial runs.' : '.'}</p><p>Seed <span className="mono">{t.seed}</span>{t.backend ? <> · backend <span className="mono">{t.backend}</span></> : null}</p></div>
      )}

      {r && detection && detection.kind && detection.kind !== 'none' ? (
        <>
          <h2>Defense</h2>
          <DefenseCard report={detection} success={Boolean(r.success)} cleanAccuracy={r.cleanAccuracy} />
          {histogram ? <ScoreHistogram {...histogram} label={`${detection.kind} on this trial`} /> : null}
        </>
      ) : null}

      <h2>Poison path</h2>
      {regions ? <DecisionScatter pic={regions} /> : null}
      {strips.length === 0 && !regions ? <p className="muted">No pictures stored for this trial{r ? ' (2-D trials recorded before decision regions were stored have none)' : ''}.</p> : strips.map((a) => (
        <figure key={a.id} style={{ margin: '8px 0' }}>
          <div className="strip" data-testid="image-strip" tabIndex={0} role="region" aria-label="Image strip">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={`/trials/${t.id}/artifacts/${a.id}`} alt={`${a.kind}: poisons from the source (left) to the target (right)`}  />
          </div>
          <figcaption className="small muted">{stripCaption(t.attackKind, a.kind)} sha256 <span className="mono">{a.sha256.slice(0, 12)}</span></figcaption>
        </figure>
      ))}

      {alphas.length > 0 ? (
        <>
          <h2>Label propagation</h2>
          <p className="small muted">When each poison along the path was first pseudo-labeled y* (Carlini 2021, Figure 5).</p>
          <p data-testid="propagation-summary">
            {reachedCount} of {alphas.length} poisons were pseudo-labeled y* during training
            {reachedCount > 0 ? <>, the first at epoch {Math.round(Math.min(...first.filter((x): x is number => x !== null)) * 10) / 10}</> : null}
            {alphas.length > reachedCount ? <>; the other {alphas.length - reachedCount} never were (shaded)</> : null}.
          </p>
          <PropagationChart points={alphas.map((a, i) => ({ alpha: a, epoch: first[i] ?? null }))} maxEpoch={maxEpoch} />
        </>
      ) : null}
      {epochs.length > 0 ? (
        <>
          <h2>Over training</h2>
          <EpochChart points={epochs} />
        </>
      ) : null}

      <h2>Evidence</h2>
      <p data-testid="evidence">
        <a href={`/trials/${t.id}/manifest`} download>Manifest (JSON)</a>: the resolved configuration, its hash, the seed, the result and the sha256 of every artifact.
        {t.artifacts.filter((a) => a.kind === 'poisons').map((a) => (
          <span key={a.id}> · <a href={`/trials/${t.id}/artifacts/${a.id}`} download={`trial-${t.id.slice(0, 8)}-poisons.npy`}>Poisons (NumPy .npy, {Math.round(a.size / 1024)} KiB)</a> <span className="small muted">sha256 {a.sha256.slice(0, 12)}…</span></span>
        ))}
      </p>

      <h2>Provenance</h2>
      <section data-testid="provenance">
        <p className="small muted">Recorded by compute and the worker that ran the trial. The command below runs the same config with the same seed.</p>
        {t.command ? <pre className="config" data-testid="command" tabIndex={0} aria-label="Command that reproduces this trial" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{t.command}</pre> : null}
        <dl className="kv">
          <dt>Config hash</dt><dd className="mono small">{r?.configHash ?? t.configHash ?? '–'}</dd>
          <dt>Seed</dt><dd className="mono">{t.seed}</dd>
          <dt>Code version</dt><dd className="mono small">{r?.codeVersion ?? '–'}</dd>
          <dt>Dataset sha256</dt><dd className="mono small" style={{ overflowWrap: 'anywhere' }}>{r?.datasetSha256 ?? '–'}</dd>
          <dt>Backend</dt><dd className="mono">{r?.backend ?? t.backend ?? '–'}</dd>
          <dt>Worker</dt><dd className="mono small">{r?.worker ?? t.worker ?? '–'}</dd>
        </dl>
        <h3>Resolved configuration</h3>
        <pre className="config" data-testid="config" tabIndex={0} aria-label="Resolved trial configuration">{JSON.stringify(r?.config ?? t.config, null, 2)}</pre>
      </section>
    </>
  );
}
