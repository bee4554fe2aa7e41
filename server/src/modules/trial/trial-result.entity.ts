import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';

/** The outcome of a trial. Written once (unique trial_id), never updated (DB trigger). */
@ObjectType()
@Entity('trial_result')
export class TrialResult {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'trial_id' }) trialId: string;
  @Field() @Column('boolean') success: boolean;
  @Field(() => Int, { nullable: true }) @Column('int', { name: 'target_prediction', nullable: true }) targetPrediction: number | null;
  @Field(() => Float, { nullable: true }) @Column('double precision', { name: 'target_confidence', nullable: true }) targetConfidence: number | null;
  @Field(() => Float, { nullable: true }) @Column('double precision', { name: 'clean_accuracy', nullable: true }) cleanAccuracy: number | null;
  @Field(() => Int) @Column('int', { name: 'poison_count' }) poisonCount: number;
  @Field(() => GraphQLJSON, { nullable: true }) @Column('jsonb', { nullable: true }) propagation: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) @Column('jsonb', { nullable: true }) detection: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) @Column('jsonb', { nullable: true }) timings: unknown;
  @Field(() => Float, { nullable: true, description: 'Share of poisons the final model predicts as y* (or the base class)' })
  @Column('double precision', { name: 'poison_share_at_target', nullable: true }) poisonShareAtTarget: number | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Attack-specific measurements, e.g. Poison Frogs feature distances' })
  @Column('jsonb', { name: 'attack_metrics', nullable: true }) attackMetrics: Record<string, number> | null;
  @Field(() => Int, { nullable: true }) @Column('int', { nullable: true }) seed: number | null;
  @Field() @Column('text') backend: string;
  @Field({ description: 'sha256 of the canonical JSON of the resolved config (the same hash the CLI prints)' })
  @Column('text', { name: 'config_hash' }) configHash: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The resolved config compute ran (every default filled in)' })
  @Column('jsonb', { nullable: true }) config: Record<string, unknown> | null;
  @Field(() => String, { nullable: true, description: 'Code version that ran the trial: package version + git commit when available' })
  @Column('text', { name: 'code_version', nullable: true }) codeVersion: string | null;
  @Field(() => String, { nullable: true, description: 'sha256 of the clean split the trial started from' })
  @Column('text', { name: 'dataset_sha256', nullable: true }) datasetSha256: string | null;
  @Field(() => String, { nullable: true, description: 'The worker that ran the trial' }) @Column('text', { nullable: true }) worker: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The whole outcome as compute returned it (artifact bytes aside)' })
  @Column('jsonb', { nullable: true }) outcome: Record<string, unknown> | null;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
