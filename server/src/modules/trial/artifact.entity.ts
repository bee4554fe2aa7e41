import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime } from 'graphql-scalars';

/** A file produced by a trial (PNG strip of poisons, plot data), addressed by sha256. */
@ObjectType()
@Entity('artifact')
export class Artifact {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'trial_id' }) trialId: string;
  @Field() @Column('text') kind: string;
  @Field() @Column('text') mime: string;
  @Field() @Column('char', { length: 64 }) sha256: string;
  @Field(() => Int) @Column('int') size: number;
  // Not selected by default: lists of artifacts must not drag megabytes of bytea along.
  @Column('bytea', { select: false }) bytes: Buffer;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
