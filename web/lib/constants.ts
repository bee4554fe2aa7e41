/** The cookie holding the web session token (a cookie of the older name, which held an API token, is ignored). */
export const TOKEN_COOKIE = 'frogpond_session';
