// The iOS app's auth service.
final class AuthService {}
