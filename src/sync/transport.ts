import type { MutationOp, WritableTable } from './db.ts';

/** A mutation as sync_push takes it. */
export interface PushMutation {
  id: string;
  table: WritableTable;
  op: MutationOp;
  record_id: string;
  values: Record<string, unknown>;
  base_version?: number;
}

/** The server's word on one mutation. `duplicate`: it had already seen this id. */
export interface PushResult {
  id: string;
  status: 'applied' | 'rejected';
  duplicate?: boolean;
  code?: string | null;
  message?: string | null;
}

/** A position in the server's change stream. */
export interface Cursor {
  txid: string;
  seq: number;
}

export interface PullPage {
  changes: { table: string; row: Record<string, unknown> }[];
  cursor: Cursor | null;
  has_more: boolean;
  reset_required: boolean;
  /** Changes when what the user may see changes (role, organisation, neighbourhoods). */
  access?: string | null;
}

/** The server, as the sync runner sees it. The real one is in src/platform; tests bring their own. */
export interface SyncTransport {
  push(clientId: string, mutations: PushMutation[]): Promise<PushResult[]>;
  pull(cursor: Cursor | null, limit: number): Promise<PullPage>;
  /** The current rows of these records that the user may see; absent ones are gone for them. */
  fetch(
    refs: { table: string; id: string }[],
  ): Promise<{ table: string; row: Record<string, unknown> }[]>;
}

/**
 * A failed round trip. `retryable`: the network or server may be fine later (the batch goes back
 * to pending). Otherwise (signed out, access revoked) retrying will not help until someone acts.
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}
