import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity('publication')
export class Publication {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column('text') slug: string;
  @Field() @Column('text') title: string;
  @Field() @Column('text') authors: string;
  @Field() @Column('text') venue: string;
  @Field(() => Int) @Column('int') year: number;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) arxiv: string | null;
  @Field() @Column('text') citation: string;
  @Field() @Column('text') bibtex: string;
}
