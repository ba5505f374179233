// POST /api/v2/auth/login: today it starts a cookie session (src/auth/session).
export async function login(email: string, password: string): Promise<{ sid: string }> {
  throw new Error('example stub');
}
