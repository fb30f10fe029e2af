import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StackContext } from '../context.ts';
import { createWriteLock, diskOf, type Disk } from './disk.ts';

/** What every storage route works with. */
export interface StorageEnv {
  ctx: StackContext;
  disk: Disk;
  /** Serialises the commit-and-rename step of writes (see createWriteLock). */
  writeLock: <T>(fn: () => Promise<T>) => Promise<T>;
}

export function createEnv(ctx: StackContext): StorageEnv {
  return { ctx, disk: diskOf(ctx.dataDir), writeLock: createWriteLock() };
}

/** A route handler; `rest` is the still-encoded part of the path the route pattern left over. */
export type Route = (
  env: StorageEnv,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string,
  url: URL,
) => Promise<void>;
