import { DataSource } from 'typeorm';
import { Actor, canRead } from '../../common/auth';
import { notFound } from '../../common/errors';
import { permalink } from '../experiment/citation';

export interface EvidenceFile { body: string | Buffer; contentType: string; filename: string; isPublic: boolean }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A trial's evidence: a JSON manifest (the resolved config the worker ran, its hash, the seed, the cell, the result,
 * and every artifact with its sha256), and its poisons as NumPy .npy when the trial stored them.
 */
export class TrialEvidenceService {
  constructor(private readonly ds: DataSource) {}

  private async trial(actor: Actor | null, id: string) {
    const [t] = UUID.test(id) ? await this.ds.query(
      `SELECT t.*, e.organization_id, e.visibility, e.preset, e.name AS experiment_name,
              a.slug AS attack_slug, a.version AS attack_version, a.params AS attack_params,
              d.slug AS defense_slug, d.version AS defense_version, d.params AS defense_params
         FROM trial t JOIN experiment e ON e.id = t.experiment_id
         LEFT JOIN attack_definition a ON a.id = t.attack_id LEFT JOIN defense_definition d ON d.id = t.defense_id
        WHERE t.id = $1`, [id]) : [];
    if (!t || !canRead(actor, t.organization_id, t.visibility === 'PUBLIC')) throw notFound('Trial', id);
    return t;
  }

  async manifest(actor: Actor | null, id: string, base: string): Promise<EvidenceFile> {
    const t = await this.trial(actor, id);
    const [r] = await this.ds.query(`SELECT * FROM trial_result WHERE trial_id = $1`, [id]);
    const artifacts: { id: string; kind: string; mime: string; size: number; sha256: string }[] = await this.ds.query(
      `SELECT id, kind, mime, size, sha256 FROM artifact WHERE trial_id = $1 ORDER BY kind, created_at`, [id]);
    const manifest = {
      format: 'frogpond-trial-manifest/1',
      trial: { id, permalink: permalink.trial(base, id), ordinal: t.ordinal, replicate: t.replicate, seed: t.seed, status: t.status, attempts: t.attempts },
      experiment: { id: t.experiment_id, name: t.experiment_name, permalink: permalink.experiment(base, t.experiment_id), preset: t.preset },
      cell: {
        dataset: t.dataset, labels: t.labels, algorithm: t.algorithm, poisonRate: t.rate, density: t.density,
        attack: { id: t.attack_id, kind: t.attack_kind, slug: t.attack_slug, version: t.attack_version, params: t.attack_params,
          permalink: t.attack_slug ? permalink.attack(base, t.attack_slug, t.attack_version) : null },
        defense: { id: t.defense_id, kind: t.defense_kind, slug: t.defense_slug, version: t.defense_version, params: t.defense_params },
      },
      config: t.config,
      configHash: r?.config_hash ?? null,
      result: r ? {
        success: r.success, targetPrediction: r.target_prediction, targetConfidence: r.target_confidence, cleanAccuracy: r.clean_accuracy,
        poisonCount: r.poison_count, backend: r.backend, recordedAt: r.created_at,
        sourceIndex: t.source_index, targetIndex: t.target_index, targetClass: t.target_class, targetLabel: t.target_label,
      } : null,
      artifacts: artifacts.map((a) => ({ kind: a.kind, mime: a.mime, size: a.size, sha256: a.sha256.trim() })),
      poisons: artifacts.some((a) => a.kind === 'poisons') ? `${base}/api/trials/${id}/poisons.npy` : null,
    };
    return { body: JSON.stringify(manifest, null, 2) + '\n', contentType: 'application/json; charset=utf-8', filename: `trial-${id.slice(0, 8)}-manifest.json`, isPublic: t.visibility === 'PUBLIC' };
  }

  /** The poisons as .npy; NOT_FOUND when the trial stored none (trials recorded before poisons were kept, feature collision). */
  async poisons(actor: Actor | null, id: string): Promise<EvidenceFile> {
    const t = await this.trial(actor, id);
    const [a] = await this.ds.query(`SELECT bytes FROM artifact WHERE trial_id = $1 AND kind = 'poisons' ORDER BY created_at LIMIT 1`, [id]);
    if (!a) throw notFound('Poisons of trial', id);
    return { body: a.bytes as Buffer, contentType: 'application/octet-stream', filename: `trial-${id.slice(0, 8)}-poisons.npy`, isPublic: t.visibility === 'PUBLIC' };
  }
}
