import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType()
@Entity('algorithm')
export class Algorithm {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column('text') slug: string;
  @Field() @Column('text') name: string;
  @Field() @Column('text') description: string;
  @Field(() => GraphQLJSONObject, { description: 'Default hyper-parameters' }) @Column('jsonb') defaults: Record<string, unknown>;
}
