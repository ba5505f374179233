// /api/v2/me and /api/v2/account.
export const accountRoute = '/api/v2/me';
