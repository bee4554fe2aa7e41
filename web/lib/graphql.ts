/**
 * The one GraphQL client of the web app. Runs on the server only (server components, route
 * handlers, server actions): it reads the API token from the httpOnly cookie and never ships it
 * to the browser.
 */
import { cookies } from 'next/headers';
import { TOKEN_COOKIE } from './constants';
import { apiUrl } from './public-origin';

/** A document produced by codegen (`graphql(...)` from web/gql), typed by its result and variables. */
export interface TypedDocument<TResult, TVariables> {
  toString(): string;
  /** phantom fields carried by codegen's TypedDocumentString */
  __apiType?: (variables: TVariables) => TResult;
}

export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** A GraphQL response with errors; `code` is the first error's extensions.code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly errors: GraphQLErrorItem[],
    readonly status = 200,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Messages keyed by input field (from extensions.field or extensions.fields), for forms. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const ext = e.extensions ?? {};
      const fields = ext.fields as Record<string, string> | Array<{ field: string; message: string }> | undefined;
      if (typeof ext.field === 'string') out[ext.field] = e.message;
      // class-validator failures: [{ property, constraints: { rule: message } }]
      const ve = ext.validationErrors as { property: string; constraints: Record<string, string> }[] | undefined;
      if (Array.isArray(ve)) for (const v of ve) out[v.property] = Object.values(v.constraints ?? {}).join('; ') || e.message;
      if (Array.isArray(fields)) for (const f of fields) out[f.field] = f.message;
      else if (fields && typeof fields === 'object') Object.assign(out, fields);
    }
    return out;
  }
}

/** The session token the cookie holds (a short-lived token made at sign-in, never the API token itself). */
export async function currentToken(): Promise<string | undefined> {
  const jar = await cookies();
  return jar.get(TOKEN_COOKIE)?.value || undefined;
}

export interface RequestOptions {
  /** override the cookie token (sign-in checks a token before storing it) */
  token?: string | null;
}

/** Runs one operation; throws ApiError on GraphQL errors or a non-2xx response. */
export async function gql<TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
  variables?: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const token = options.token === undefined ? await currentToken() : options.token;
  const res = await fetch(apiUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    cache: 'no-store',
  });
  let body: { data?: TResult; errors?: GraphQLErrorItem[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`API answered HTTP ${res.status} without JSON`, 'INTERNAL_SERVER_ERROR', [], res.status);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', body.errors, res.status);
  }
  if (!body.data) throw new ApiError(`API answered HTTP ${res.status} without data`, 'INTERNAL_SERVER_ERROR', [], res.status);
  return body.data;
}

/** Like gql(), but maps NOT_FOUND errors (and null results handled by callers) to undefined. */
export async function gqlOrNotFound<TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult | undefined> {
  try {
    return await gql(document, variables);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NOT_FOUND') return undefined;
    throw e;
  }
}
