// Tests of the login route.
export {};
