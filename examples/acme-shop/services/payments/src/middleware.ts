// The payments service's auth middleware.
export function auth(): void {}
