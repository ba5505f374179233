// Legacy cookie sessions (`sid`), removed by the JWT refactor.
export const SESSION_COOKIE = 'sid';
