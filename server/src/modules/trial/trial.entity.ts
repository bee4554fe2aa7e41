import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';

export enum TrialStatus { QUEUED = 'QUEUED', RUNNING = 'RUNNING', SUCCEEDED = 'SUCCEEDED', FAILED = 'FAILED', CANCELLED = 'CANCELLED' }
registerEnumType(TrialStatus, { name: 'TrialStatus' });

/** One run of one cell of an experiment's matrix. `config` is compute's resolved trial config (compute/src/contract). */
@ObjectType()
@Entity('trial')
export class Trial {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'experiment_id' }) experimentId: string;
  @Field(() => Int, { description: 'Position in the expanded matrix' }) @Column('int') ordinal: number;
  @Field() @Column('text') dataset: string;
  @Field(() => Int) @Column('int') labels: number;
  @Field() @Column('text') algorithm: string;
  @Field(() => Float) @Column('double precision') rate: number;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) density: string | null;
  @Column('uuid', { name: 'attack_id', nullable: true }) attackId: string | null;
  @Field() @Column('text', { name: 'attack_kind' }) attackKind: string;
  @Column('uuid', { name: 'defense_id', nullable: true }) defenseId: string | null;
  @Field() @Column('text', { name: 'defense_kind' }) defenseKind: string;
  @Field(() => Int) @Column('int') replicate: number;
  @Field(() => Int) @Column('int') seed: number;
  @Field(() => GraphQLJSONObject) @Column('jsonb') config: Record<string, unknown>;
  @Field(() => TrialStatus) @Column({ type: 'enum', enum: TrialStatus, enumName: 'trial_status' }) status: TrialStatus;
  @Field(() => Int) @Column('int') attempts: number;
  @Field(() => GraphQLJSONObject, { nullable: true }) @Column('jsonb', { nullable: true }) progress: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) worker: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) backend: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) error: string | null;
  @Field(() => Int, { nullable: true }) @Column('int', { name: 'source_index', nullable: true }) sourceIndex: number | null;
  @Field(() => Int, { nullable: true }) @Column('int', { name: 'target_index', nullable: true }) targetIndex: number | null;
  @Field(() => Int, { nullable: true }) @Column('int', { name: 'target_class', nullable: true }) targetClass: number | null;
  @Field(() => Int, { nullable: true }) @Column('int', { name: 'target_label', nullable: true }) targetLabel: number | null;
  @Field(() => GraphQLDateTime, { nullable: true }) @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => GraphQLDateTime) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
