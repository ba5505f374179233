// The SessionStore contract, run against every backend.
export {};
