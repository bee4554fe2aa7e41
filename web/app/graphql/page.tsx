import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { Explorer } from './explorer';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'GraphQL explorer' };

/**
 * GraphiQL at `/graphql`, bundled with the app (nothing loads from another origin). The server that hosts the app
 * hands a browser's visit of `/graphql` here only while its explorer switch is on, and marks that request; any other
 * way in (e.g. the app hosted apart from the API) finds nothing.
 */
export default async function GraphQLExplorerPage() {
  if ((await headers()).get('x-frogpond-explorer') !== '1') notFound();
  return (
    <>
      <h1>GraphQL explorer</h1>
      <p className="lead">
        Queries run against this server&apos;s API, anonymously unless you add an <span className="mono">Authorization: Bearer …</span> header
        in the Headers tab (the explorer does not keep it).
      </p>
      <Explorer />
    </>
  );
}
