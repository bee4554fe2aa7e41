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
  @Field() @Column('text') backend: string;
  @Field() @Column('text', { name: 'config_hash' }) configHash: string;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
