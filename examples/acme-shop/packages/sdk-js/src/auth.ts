// The JavaScript SDK's sign-in helpers.
export function signIn(): void {}
