import DataLoader from 'dataloader';
import { DataSource, In, ObjectLiteral, EntityTarget } from 'typeorm';
import { Organization } from '../modules/organization/organization.entity';
import { Member } from '../modules/organization/member.entity';
import { AttackDefinition } from '../modules/attack/attack.entity';
import { DefenseDefinition } from '../modules/defense/defense.entity';
import { Publication } from '../modules/catalogue/publication.entity';
import { Experiment } from '../modules/experiment/experiment.entity';
import { TrialResult } from '../modules/trial/trial-result.entity';
import { Artifact } from '../modules/trial/artifact.entity';

function byId<T extends ObjectLiteral & { id: string }>(ds: DataSource, entity: EntityTarget<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Per-request DataLoaders: one SQL statement per relation per request, whatever the page size. */
export function createLoaders(ds: DataSource) {
  return {
    organization: byId(ds, Organization),
    member: byId(ds, Member),
    attack: byId(ds, AttackDefinition),
    defense: byId(ds, DefenseDefinition),
    publication: byId(ds, Publication),
    experiment: byId(ds, Experiment),
    resultByTrial: new DataLoader<string, TrialResult | null>(async (trialIds) => {
      const rows = await ds.getRepository(TrialResult).findBy({ trialId: In([...trialIds]) });
      const map = new Map(rows.map((r) => [r.trialId, r]));
      return trialIds.map((id) => map.get(id) ?? null);
    }),
    artifactsByTrial: new DataLoader<string, Artifact[]>(async (trialIds) => {
      const rows = await ds.getRepository(Artifact).find({ where: { trialId: In([...trialIds]) }, order: { createdAt: 'ASC' } });
      return trialIds.map((id) => rows.filter((r) => r.trialId === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
