// Express middleware that loads the session of the `sid` cookie.
export function sessionMiddleware(): void {}
