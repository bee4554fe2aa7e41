/** The only error codes a client ever sees (`extensions.code`). */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR';
export const ERROR_CODES: readonly ErrorCode[] = [
  'BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INTERNAL_SERVER_ERROR',
];

/** An expected, client-facing failure raised by services; mapped 1:1 to a GraphQL error code. */
export class AppError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) => new AppError('BAD_USER_INPUT', message, details);
export const unauthenticated = (message = 'A valid API token is required (Authorization: Bearer <token>)') =>
  new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Your token does not allow this operation', details?: Record<string, unknown>) => new AppError('FORBIDDEN', message, details);
export const notFound = (what: string, id?: string) => new AppError('NOT_FOUND', id ? `${what} ${id} not found` : `${what} not found`);

/** PostgreSQL error helpers (node-postgres puts the SQLSTATE on `.code`, TypeORM wraps it in driverError). */
export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
export function pgConstraint(err: unknown): string | undefined {
  const e = err as { constraint?: unknown; driverError?: { constraint?: unknown } };
  const c = e?.driverError?.constraint ?? e?.constraint;
  return typeof c === 'string' ? c : undefined;
}
export const isUniqueViolation = (err: unknown) => pgCode(err) === '23505';
