import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDateTime } from 'graphql-scalars';

export enum MemberRole { viewer = 'viewer', member = 'member', admin = 'admin' }
registerEnumType(MemberRole, { name: 'MemberRole', description: 'viewer: read private data; member: write; admin: manage tokens' });

/** A person (or robot, e.g. a worker) in an organization. */
@ObjectType()
@Entity('member')
export class Member {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Field() @Column('text') name: string;
  @Field(() => MemberRole) @Column({ type: 'enum', enum: MemberRole, enumName: 'member_role' }) role: MemberRole;
  @Field(() => GraphQLDateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
