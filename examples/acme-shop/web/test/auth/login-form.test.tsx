// Tests of the login form.
export {};
