import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity('dataset')
export class Dataset {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column('text') slug: string;
  @Field() @Column('text') name: string;
  @Field(() => Int) @Column('int', { name: 'num_classes' }) numClasses: number;
  @Field(() => [Int], { description: '[height, width, channels] (toy data: [2])' }) @Column('int', { array: true }) shape: number[];
  @Field(() => Int) @Column('int', { name: 'train_size' }) trainSize: number;
  @Field(() => Int) @Column('int', { name: 'test_size' }) testSize: number;
  @Field({ description: 'shipped | generated | user-supplied' }) @Column('text') source: string;
  @Field() @Column('text') description: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) sha256: string | null;
}
