import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, ERROR_CODES, ErrorCode } from './errors';

/** Codes produced by graphql-js / Apollo before any resolver ran: always the client's fault. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

/** Client-safe extensions our own coded GraphQLErrors carry (limits, rate limits, the offending field). */
const PASSTHROUGH = ['field', 'limit', 'rateLimited', 'retryAfter', 'complexity', 'maxComplexity'];

/**
 * THE error mapper: every error leaving the API goes through here. Result: `extensions.code` is one of
 * ERROR_CODES, no stack trace ever, and unexpected errors are masked in production.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  let code: ErrorCode;
  let message = formatted.message;
  const extensions: Record<string, unknown> = {};

  if (original instanceof AppError) {
    code = original.code;
    message = original.message;
    if (original.details) Object.assign(extensions, original.details);
  } else if (isCodedUserError(original)) {
    // e.g. DensityError from @frogpond/compute, TrialConfig validation errors
    code = 'BAD_USER_INPUT';
    message = (original as Error).message;
  } else {
    const rawCode = formatted.extensions?.code;
    if (typeof rawCode === 'string' && (ERROR_CODES as readonly string[]).includes(rawCode) && rawCode !== 'INTERNAL_SERVER_ERROR') {
      code = rawCode as ErrorCode;
      for (const key of PASSTHROUGH) if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
      const validationErrors = formatted.extensions?.validationErrors;
      if (Array.isArray(validationErrors)) extensions.validationErrors = simplifyValidation(validationErrors);
    } else if (typeof rawCode === 'string' && CLIENT_CODES.has(rawCode)) {
      code = 'BAD_USER_INPUT';
    } else if (original instanceof GraphQLError && !original.originalError && rawCode === undefined) {
      // graphql-js errors without a code (e.g. variable coercion) are about the request
      code = 'BAD_USER_INPUT';
    } else {
      code = 'INTERNAL_SERVER_ERROR';
      if (production) message = 'Internal server error';
      // Log unexpected errors server-side only (never the token, never to the client).
      console.error('[frogpond] unexpected error:', original instanceof Error ? original.stack ?? original.message : original);
    }
  }
  extensions.code = code;
  return { message, locations: formatted.locations, path: formatted.path, extensions };
}

function isCodedUserError(e: unknown): boolean {
  return e instanceof Error && !(e instanceof GraphQLError) && (e as { code?: unknown }).code === 'BAD_USER_INPUT';
}

function simplifyValidation(errors: unknown[]): { property: string; constraints: Record<string, string> }[] {
  return errors.map((e) => {
    const v = e as { property?: string; constraints?: Record<string, string>; children?: unknown[] };
    return { property: String(v.property ?? ''), constraints: v.constraints ?? {} };
  });
}
