import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { badInput } from './errors';

export const PAGE_CAP = 100;

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1..${PAGE_CAP}` })
  @IsInt() @Min(1) @Max(PAGE_CAP)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional() @IsString()
  after?: string | null;
}

export interface Page<T> { edges: { cursor: string; node: T }[]; pageInfo: PageInfo }

/** Builds a Relay connection type for `Node` (named `${name}Connection` / `${name}Edge`). */
export function Connection<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => Node) node: T;
  }
  @ObjectType(`${name}Connection`)
  class Conn {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
  }
  return Conn;
}

/** Opaque keyset cursors: base64url JSON of the sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}
export function decodeCursor(cursor: string | null | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity) return v;
  } catch { /* fallthrough */ }
  throw badInput('Invalid cursor');
}

/** Turns first+1 fetched rows into a page. */
export function toPage<T>(rows: T[], first: number, keyOf: (row: T) => unknown[]): Page<T> {
  const hasNextPage = rows.length > first;
  const nodes = hasNextPage ? rows.slice(0, first) : rows;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}
