import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../lib/database.types.ts';
import {
  PrivacyApiError,
  type AuditEntry,
  type AuditQuery,
  type AuditRowsQuery,
  type Person,
  type PrivacyApi,
} from '../features/privacy/api.ts';

type Failure = { message: string; hint?: string | null } | null;

function check<T>(result: { data: T; error: Failure }): T {
  if (result.error) throw new PrivacyApiError(result.error.message, result.error.hint ?? null);
  return result.data;
}

/**
 * The privacy screens' server calls: the audit log (RLS: the municipality's own) and the DSR RPCs.
 * The client loads after the first paint (`loadClient`), so nothing here runs before it is needed.
 */
export function createPrivacyApi(loadClient: () => Promise<SupabaseClient<Database>>): PrivacyApi {
  return {
    async auditEntries(q: AuditQuery): Promise<AuditEntry[]> {
      const client = await loadClient();
      let query = client
        .from('audit_log')
        .select(
          'id, at, actor, actor_role, table_name, record_id, operation, changes, reason, redacted_at',
        )
        .order('id', { ascending: false })
        .limit(q.limit);
      if (q.table) query = query.eq('table_name', q.table);
      if (q.fromAt) query = query.gte('at', q.fromAt);
      if (q.beforeAt) query = query.lt('at', q.beforeAt);
      return check(await query) as AuditEntry[];
    },
    async people(): Promise<Person[]> {
      const client = await loadClient();
      const rows = check(
        await client
          .from('profiles')
          .select('id, display_name, role, organisations(name)')
          .is('deleted_at', null)
          .order('display_name'),
      ) as unknown as {
        id: string;
        display_name: string;
        role: string;
        organisations: { name: string } | null;
      }[];
      return rows.map((r) => ({
        id: r.id,
        displayName: r.display_name,
        role: r.role,
        organisation: r.organisations?.name ?? '',
      }));
    },
    async auditRows(q: AuditRowsQuery): Promise<Record<string, unknown>[]> {
      // The table is chosen at run time; RLS, not the type, decides what comes back.
      const client = (await loadClient()) as unknown as SupabaseClient;
      const rows: Record<string, unknown>[] = [];
      // A bounded URL per request: a hundred UUIDs are about 3.7 kB of filter.
      for (let i = 0; i < q.keys.length; i += 100) {
        const chunk = q.keys.slice(i, i + 100);
        const result = await client.from(q.table).select(q.columns.join(',')).in(q.key, chunk);
        rows.push(...(check(result) as unknown as Record<string, unknown>[]));
      }
      return rows;
    },
    async exportPerson(id: string): Promise<unknown> {
      const client = await loadClient();
      return check(await client.rpc('dsr_export', { person: id }));
    },
    async erasePerson(id: string): Promise<Record<string, unknown>> {
      const client = await loadClient();
      return check(await client.rpc('dsr_erase', { person: id })) as Record<string, unknown>;
    },
    async retentionMonths(): Promise<number> {
      const client = await loadClient();
      const months = check(await client.rpc('retention_months'));
      if (months === null) throw new PrivacyApiError('no retention period', null);
      return months;
    },
  };
}
