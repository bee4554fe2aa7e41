import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime } from 'graphql-scalars';

/** A density over x in [0,1] that spaces the interpolation poisons (Carlini 2021, Table 3). */
@ObjectType()
@Entity('density_function')
export class DensityFunction {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column('text') slug: string;
  @Field({ description: 'Expression over x, safe grammar (never eval)' }) @Column('text') expression: string;
  @Field({ description: "The paper's notation, e.g. (1-x)^2" }) @Column('text') label: string;
  @Field() @Column('text') description: string;
  @Field(() => Float, { description: 'Integral over [0,1]' }) @Column('double precision') integral: number;
  @Field() @Column('boolean') builtin: boolean;
  @Column('uuid', { name: 'organization_id', nullable: true }) organizationId: string | null;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
