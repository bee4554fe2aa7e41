import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';

export enum BenchmarkSplit { DEV = 'dev', TEST = 'test' }
registerEnumType(BenchmarkSplit, {
  name: 'BenchmarkSplit',
  valuesConfig: {
    DEV: { description: 'Public replicates, with their poison indices and targets' },
    TEST: { description: 'Sequestered replicates: no poison indices, no target, unlabeled order shuffled by a server secret' },
  },
});

/** A frozen, versioned set of poisoned semi-supervised tasks built from one trial configuration. */
@ObjectType()
@Entity('benchmark')
export class Benchmark {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column('text') slug: string;
  @Field(() => Int) @Column('int') version: number;
  @Field() @Column('text') name: string;
  @Field() @Column('text') description: string;
  @Field() @Column('text') license: string;
  @Field(() => GraphQLJSONObject, { description: 'The trial configuration every replicate is built from (no seeds)' })
  @Column('jsonb') config: Record<string, unknown>;
  @Field(() => [Int], { description: 'Seeds of the public development replicates' }) @Column('int', { name: 'dev_seeds', array: true }) devSeeds: number[];
  @Field(() => Int, { description: 'Number of sequestered test replicates' }) @Column('int', { name: 'test_replicates' }) testReplicates: number;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ description: 'One downloadable archive of a benchmark split' })
export class BenchmarkDownload {
  @Field(() => BenchmarkSplit) split: BenchmarkSplit;
  @Field({ description: 'Path of the archive on this server (GET, no token needed)' }) path: string;
  @Field() fileName: string;
  @Field(() => Int) sizeBytes: number;
  @Field() sha256: string;
  @Field(() => Int) replicates: number;
}
