import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';

export enum Visibility { PUBLIC = 'PUBLIC', PRIVATE = 'PRIVATE' }
registerEnumType(Visibility, { name: 'Visibility' });
export enum ExperimentStatus { QUEUED = 'QUEUED', RUNNING = 'RUNNING', COMPLETED = 'COMPLETED', CANCELLED = 'CANCELLED' }
registerEnumType(ExperimentStatus, { name: 'ExperimentStatus' });

/** A matrix of trials owned by an organization. */
@ObjectType()
@Entity('experiment')
export class Experiment {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Field() @Column('text') name: string;
  @Field() @Column('text') description: string;
  @Field(() => Visibility) @Column({ type: 'enum', enum: Visibility, enumName: 'experiment_visibility' }) visibility: Visibility;
  @Field(() => GraphQLJSONObject, { name: 'spec', description: 'The normalised matrix specification this experiment expanded' }) @Column('jsonb') matrix: Record<string, unknown>;
  @Field(() => Int) @Column('int', { name: 'seed_base' }) seedBase: number;
  @Field() @Column('text') preset: string;
  @Field(() => GraphQLJSONObject, { description: 'Training overrides on top of the preset (validated by the compute contract)' })
  @Column('jsonb', { default: {} }) overrides: Record<string, unknown>;
  @Field(() => ExperimentStatus) @Column({ type: 'enum', enum: ExperimentStatus, enumName: 'experiment_status' }) status: ExperimentStatus;
  @Field(() => Int) @Column('int', { name: 'trial_count' }) trialCount: number;
  @Field({ description: 'Version of the code that created the experiment (package version + git commit when available)' })
  @Column('text', { name: 'code_version' }) codeVersion: string;
  @Field(() => String, { nullable: true, description: 'Set by the client to make createExperiment retry-safe' })
  @Column('text', { name: 'client_mutation_id', nullable: true }) clientMutationId: string | null;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => GraphQLDateTime) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
