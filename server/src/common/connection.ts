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
/** What each position of a cursor's key must be. */
export type CursorPart = 'uuid' | 'int' | 'number' | 'string';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Parses a cursor strictly: canonical base64url of a JSON array whose items have exactly the kinds of `parts`
 * (a cursor this server did not produce is BAD_USER_INPUT, never a database error).
 */
export function decodeCursor(cursor: string | null | undefined, parts: readonly CursorPart[]): unknown[] | null {
  if (cursor === null || cursor === undefined) return null;
  const invalid = () => badInput('Invalid cursor', { field: 'after' });
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let v: unknown;
  try { v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')); } catch { throw invalid(); }
  if (!Array.isArray(v) || v.length !== parts.length) throw invalid();
  if (encodeCursor(v) !== cursor) throw invalid();
  parts.forEach((kind, i) => {
    const x = v[i];
    const ok = kind === 'uuid' ? typeof x === 'string' && UUID_RE.test(x)
      : kind === 'int' ? Number.isSafeInteger(x)
      : kind === 'number' ? typeof x === 'number' && Number.isFinite(x)
      : typeof x === 'string' && x.length <= 600 && !x.includes('\u0000');
    if (!ok) throw invalid();
  });
  return v;
}

/** Turns first+1 fetched rows into a page. */
export function toPage<T>(rows: T[], first: number, keyOf: (row: T) => unknown[]): Page<T> {
  const hasNextPage = rows.length > first;
  const nodes = hasNextPage ? rows.slice(0, first) : rows;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}
