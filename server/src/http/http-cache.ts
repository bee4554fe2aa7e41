import crypto from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import type { Context } from '../graphql/context';

/**
 * Cache-Control of a GraphQL response by what it may contain: a query answered without a token holds public data
 * only (any cache may keep it, revalidating by ETag); with a token it may hold private data (the browser only);
 * mutations and errors are never stored.
 */
export const httpCachePolicyPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, operation, contextValue, errors }) {
        const failed = !!errors?.length || (response.body.kind === 'single' && !!response.body.singleResult.errors?.length);
        const policy = failed || operation?.operation !== 'query' ? 'no-store'
          : contextValue?.actor ? 'private, no-cache' : 'public, max-age=0, must-revalidate';
        response.http.headers.set('cache-control', policy);
        response.http.headers.set('vary', 'Authorization');
        if (policy.startsWith('public') && operation && derivesFromResultsOnly(operation)) response.http.headers.set(RESULT_ONLY_HEADER, '1');
      },
    };
  },
};

/** A strong ETag of a response body. */
export function etagOf(body: string): string {
  return `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
}

/** Internal marker (removed before sending): the answer may be kept until a result lands. */
export const RESULT_ONLY_HEADER = 'x-frogpond-results-only';

const only = (set: SelectionSetNode | undefined, allowed: Set<string>) => !!set && set.selections.every(
  (s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || allowed.has(s.name.value)));

/**
 * A benchmark's frozen fields and its defense board: a benchmark version never changes, and every change of its
 * submissions (queued, progress, scored, failed, published) NOTIFYs the same channel as a result landing.
 */
const BENCHMARK_BOARD = new Set(['id', 'slug', 'version', 'name', 'description', 'license', 'config', 'devSeeds', 'testReplicates', 'testReplicateIds',
  'createdAt', 'leaderboard', 'pendingBaselines', 'baselines']);

/**
 * True when every root field of the operation derives from finished results alone (the leaderboard, an experiment's
 * id and matrix, or a benchmark's board): what the result and submission triggers invalidate. Lists of experiments,
 * statuses or progress of experiments change without a notification and are never kept.
 */
export function derivesFromResultsOnly(op: OperationDefinitionNode): boolean {
  if (op.operation !== 'query') return false;
  return op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (
    s.name.value === '__typename' || s.name.value === 'leaderboard'
    || (s.name.value === 'experiment' && only(s.selectionSet, new Set(['id', 'matrix'])))
    || (s.name.value === 'benchmark' && only(s.selectionSet, BENCHMARK_BOARD))));
}
