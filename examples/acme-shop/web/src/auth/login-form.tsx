// The web client's login form.
export function LoginForm() {
  return null;
}
