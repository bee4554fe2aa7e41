import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';

export enum DefenseKind {
  NONE = 'none',
  PIXEL_CLUSTERING = 'pixel-clustering',
  TRAINING_DYNAMICS = 'training-dynamics',
  DEEP_KNN = 'deep-knn',
  EXTERNAL_SCORES = 'external-scores',
}
registerEnumType(DefenseKind, { name: 'DefenseKind' });

/** A versioned defense definition; frozen once a trial uses it. */
@ObjectType()
@Entity('defense_definition')
export class DefenseDefinition {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column('text') slug: string;
  @Field(() => Int) @Column('int') version: number;
  @Field(() => DefenseKind) @Column({ type: 'enum', enum: DefenseKind, enumName: 'defense_kind' }) kind: DefenseKind;
  @Field() @Column('text') name: string;
  @Field() @Column('text') description: string;
  @Field(() => GraphQLJSONObject) @Column('jsonb') params: Record<string, unknown>;
  @Column('uuid', { name: 'organization_id', nullable: true }) organizationId: string | null;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
