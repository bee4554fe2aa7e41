import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime } from 'graphql-scalars';

/** A bearer token. Only its sha256 is stored; the plaintext is returned once at creation. */
@ObjectType()
@Entity('api_token')
export class ApiToken {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'member_id' }) memberId: string;
  @Field() @Column('text') name: string;
  @Column('char', { name: 'token_hash', length: 64 }) tokenHash: string;
  @Field({ description: 'First characters of the token, to recognise it' }) @Column('text') prefix: string;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}
