import type { IncomingMessage, ServerResponse } from 'node:http';

/** Connect-style middleware, as Vite's dev and preview servers (and ours) mount it. */
export type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;
