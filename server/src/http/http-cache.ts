import crypto from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
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
      },
    };
  },
};

/** A strong ETag of a response body. */
export function etagOf(body: string): string {
  return `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
}
