import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A k/n a paper reports for one cell of one of its tables; shown beside reproduced values. */
@ObjectType()
@Entity('reported_result')
export class ReportedResult {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'publication_id' }) publicationId: string;
  @Field({ description: 'Key of the table in data/paper-results.json' }) @Column('text', { name: 'table_key' }) tableKey: string;
  @Column('int', { name: 'table_order' }) tableOrder: number;
  @Field() @Column('text', { name: 'row_key' }) rowKey: string;
  @Field() @Column('text', { name: 'column_key' }) columnKey: string;
  @Field() @Column('text') dataset: string;
  @Field(() => Int) @Column('int') labels: number;
  @Field() @Column('text') algorithm: string;
  @Field(() => Float) @Column('double precision') rate: number;
  @Field(() => String, { nullable: true, description: 'Density slug; null: the paper default' }) @Column('text', { nullable: true }) density: string | null;
  @Field() @Column('text', { name: 'attack_kind' }) attackKind: string;
  @Field(() => Int) @Column('int') successes: number;
  @Field(() => Int) @Column('int') trials: number;
}
