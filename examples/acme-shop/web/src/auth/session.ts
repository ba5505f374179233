// The web client's session handling (cookie based today).
export const session = {};
