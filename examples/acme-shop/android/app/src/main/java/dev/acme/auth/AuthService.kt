// The Android app's auth service.
class AuthService
