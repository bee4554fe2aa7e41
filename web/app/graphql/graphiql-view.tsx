'use client';

import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';

type Fetcher = React.ComponentProps<typeof GraphiQL>['fetcher'];

const DEFAULT_QUERY = `# Public data needs no token; add "Authorization": "Bearer <token>" under Headers for your organization's.
{
  datasets {
    slug
    numClasses
  }
}
`;

/** Posts each operation as JSON to this origin's /graphql, with the headers typed in the explorer. */
const fetcher: Fetcher = async (params, options) => {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers ?? {}) },
    body: JSON.stringify(params),
    credentials: 'omit',
  });
  return res.json();
};

export default function GraphiQLView() {
  return <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} shouldPersistHeaders={false} />;
}
