import http from 'node:http';

/** GET /graphql from a browser: the explorer is not available in this build. */
export function graphiqlPage(res: http.ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message: 'No explorer in this build; POST GraphQL requests to /graphql', extensions: { code: 'NOT_FOUND' } }] }));
}
