import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';

import { AttackKind } from '../contract/contract-enums';

export { AttackKind };

/** A versioned attack definition. Immutable once a trial uses it (DB trigger); a change is a new version. */
@ObjectType()
@Entity('attack_definition')
export class AttackDefinition {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column('text') slug: string;
  @Field(() => Int) @Column('int') version: number;
  @Field(() => AttackKind) @Column({ type: 'enum', enum: Object.values(AttackKind), enumName: 'attack_kind' }) kind: AttackKind;
  @Field() @Column('text') name: string;
  @Field() @Column('text') description: string;
  @Field(() => GraphQLJSONObject) @Column('jsonb') params: Record<string, unknown>;
  @Column('uuid', { name: 'organization_id', nullable: true }) organizationId: string | null;
  @Column('uuid', { name: 'publication_id', nullable: true }) publicationId: string | null;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
