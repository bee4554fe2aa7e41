/** True for a canonical UUID (8-4-4-4-12 hex digits); ids that are not UUIDs are NOT_FOUND without touching SQL. */
export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}
