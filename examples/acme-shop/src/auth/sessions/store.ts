// The SessionStore interface every session backend implements.
export interface SessionStore {
  get(id: string): Promise<unknown>;
}
