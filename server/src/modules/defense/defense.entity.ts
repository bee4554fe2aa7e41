import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';

import { DefenseKind } from '../contract/contract-enums';

export { DefenseKind };

/** A versioned defense definition; frozen once a trial uses it. */
@ObjectType()
@Entity('defense_definition')
export class DefenseDefinition {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column('text') slug: string;
  @Field(() => Int) @Column('int') version: number;
  @Field(() => DefenseKind) @Column({ type: 'enum', enum: Object.values(DefenseKind), enumName: 'defense_kind' }) kind: DefenseKind;
  @Field() @Column('text') name: string;
  @Field() @Column('text') description: string;
  @Field(() => GraphQLJSONObject) @Column('jsonb') params: Record<string, unknown>;
  @Column('uuid', { name: 'organization_id', nullable: true }) organizationId: string | null;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
