// The catalog service's auth middleware.
export function auth(): void {}
