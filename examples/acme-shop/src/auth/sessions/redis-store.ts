// RedisSessionStore: refresh sessions in the sessions-redis cluster.
export class RedisSessionStore {}
