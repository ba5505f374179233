// Tests of the orders routes.
export {};
