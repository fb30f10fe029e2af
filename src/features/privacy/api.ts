/**
 * What the privacy screens ask the server (src/platform/privacy-api.ts implements it). Given once
 * at start-up by main.tsx; screens that need it are only reachable after that.
 */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  actor_role: string | null;
  table_name: string;
  record_id: string;
  operation: string;
  changes: unknown;
  reason: string | null;
  redacted_at: string | null;
}

export interface AuditQuery {
  table?: string | undefined;
  /** ISO instant, inclusive (the start of a Dutch calendar day: see audit.ts). */
  fromAt?: string | undefined;
  /** ISO instant, exclusive. */
  beforeAt?: string | undefined;
  limit: number;
}

/** Rows of one table by key, to name the records an audit entry is about. */
export interface AuditRowsQuery {
  table: string;
  key: string;
  keys: readonly string[];
  columns: readonly string[];
}

export interface Person {
  id: string;
  displayName: string;
  role: string;
  organisation: string;
}

/** A refusal from the server: its Dutch message, and the stable key in `hint`. */
export class PrivacyApiError extends Error {
  constructor(
    message: string,
    readonly hint: string | null,
  ) {
    super(message);
  }
}

export interface PrivacyApi {
  auditEntries(query: AuditQuery): Promise<AuditEntry[]>;
  people(): Promise<Person[]>;
  /** Only the rows RLS lets the caller read; deleted records too (they still have a name). */
  auditRows(query: AuditRowsQuery): Promise<Record<string, unknown>[]>;
  exportPerson(id: string): Promise<unknown>;
  erasePerson(id: string): Promise<Record<string, unknown>>;
  /** Months after closing that sensitive reports of my municipality are anonymised. */
  retentionMonths(): Promise<number>;
}

let api: PrivacyApi | undefined;

/** Called once by main.tsx with the app's Supabase-backed implementation. */
export function providePrivacyApi(impl: PrivacyApi): void {
  api = impl;
}

export function usePrivacyApi(): PrivacyApi {
  if (!api) throw new Error('privacy API not provided (see main.tsx)');
  return api;
}
