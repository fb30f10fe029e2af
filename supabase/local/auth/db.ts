import type pg from 'pg';
import type { StackContext } from '../context.ts';
import { CommitWithError } from './errors.ts';

/** A connection inside a transaction. */
export type Tx = pg.PoolClient;

/** The `instance_id` GoTrue writes and filters every user query by. */
export const NIL_INSTANCE = '00000000-0000-0000-0000-000000000000';

/**
 * Runs `fn` in one transaction, as the role GoTrue connects with (`supabase_auth_admin`, search
 * path `auth`), so triggers on `auth.users` run as they do on Supabase: one that writes to
 * `public` without `security definer`, or names a table without its schema, fails here as there.
 *
 * Everything a request writes goes through one call, so a failure half-way leaves nothing behind.
 * A `CommitWithError` keeps the writes and rethrows its error after the commit.
 */
export async function transaction<T>(ctx: StackContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await ctx.pool.connect();
  // A connection whose rollback failed is dead or confused; it must not go back to the pool.
  let broken = false;
  try {
    await client.query('begin');
    // GoTrue's role and its search_path (`auth`): unqualified names in triggers resolve as there.
    await client.query('set local role supabase_auth_admin; set local search_path to auth');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (e) {
    if (e instanceof CommitWithError) {
      await client.query('commit');
      throw e;
    }
    await client.query('rollback').catch(() => {
      broken = true;
    });
    throw e;
  } finally {
    client.release(broken);
  }
}

/** A timestamp parameter for "now" on the stack's clock (seconds since the epoch). */
export function at(ctx: StackContext, offsetSeconds = 0): Date {
  return new Date((ctx.now() + offsetSeconds) * 1000);
}
