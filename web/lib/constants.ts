export const TOKEN_COOKIE = 'frogpond_token';
