'use client';

import dynamic from 'next/dynamic';

// GraphiQL drives its editors through the DOM: rendered in the browser only.
const GraphiQLView = dynamic(() => import('./graphiql-view'), {
  ssr: false,
  loading: () => <p className="loading" role="status">Loading the explorer…</p>,
});

export function Explorer() {
  return (
    <div className="explorer" data-testid="graphql-explorer">
      <GraphiQLView />
    </div>
  );
}
