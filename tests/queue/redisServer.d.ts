/** A `redis-server` of the system's, on a free port of 127.0.0.1, with its files in a temp dir. */
export interface TestRedis {
  port: number;
  /** `redis://127.0.0.1:<port>` (with `:<password>@` when one is set) */
  url: string;
  /** Saves the data, stops the server and starts it again on the same port with that data. */
  restart: (downtimeMs?: number) => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts a redis-server and resolves once it answers PING. */
export function startRedis(options?: { password?: string }): Promise<TestRedis>;
