import { expect, inject, it } from 'vitest';
import { useSuperuser } from '../support/clients.ts';

const stack = inject('stack');
const db = useSuperuser(stack);

it('has a comment on every table, view and function of the project', async () => {
  const { rows } = await db.query<{ kind: string; name: string }>(`
    select 'relation' as kind, n.nspname || '.' || c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('public', 'private') and c.relkind in ('r', 'v', 'm', 'p')
      and obj_description(c.oid, 'pg_class') is null
    union all
    select 'function', n.nspname || '.' || p.proname
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('public', 'private') and obj_description(p.oid, 'pg_proc') is null
    order by 1, 2`);
  expect(rows).toEqual([]);
});

it('writes every migration in lower-case SQL keywords', async () => {
  const { rows } = await db.query<{ version: string; statements: string[] }>(
    `select version, statements from supabase_migrations.schema_migrations order by version`,
  );
  expect(rows.length).toBeGreaterThan(5);
  const shouting =
    /\b(CREATE|SELECT|INSERT|UPDATE|DELETE|ALTER|GRANT|REVOKE|FROM|WHERE|BEGIN|END)\b/;
  for (const r of rows) {
    const code = r.statements
      .join('\n')
      .replace(/'(?:[^']|'')*'/g, "''")
      .replace(/--.*$/gm, '');
    expect(shouting.exec(code)?.[0] ?? null, r.version).toBeNull();
  }
});
