/**
 * Removes the photo files that retention and erasure queued in `public.photo_erasures`, through
 * the Storage API (which deletes a file and its `storage.objects` row together; on Supabase the
 * database cannot delete Storage files itself). Run it after `retention_run()`, e.g. from the same
 * scheduler, with the service-role key:
 *
 *   SUPABASE_URL=… SUPABASE_SERVICE_ROLE_KEY=… npx tsx supabase/jobs/erase-photos.ts
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { pathToFileURL } from 'node:url';

/** How many paths one Storage `remove` call takes (storage-api accepts up to 1000). */
const BATCH = 500;

export interface ErasureReport {
  erased: number;
  failed: string[];
}

/**
 * Removes every queued file not yet erased and marks it erased. A file that is already gone counts
 * as erased (the Storage API answers without it); a failed call leaves the rest queued for the
 * next run.
 */
export async function erasePendingPhotos(admin: SupabaseClient): Promise<ErasureReport> {
  const report: ErasureReport = { erased: 0, failed: [] };
  for (;;) {
    const { data, error } = await admin
      .from('photo_erasures')
      .select('storage_path, bucket_id')
      .is('erased_at', null)
      .order('requested_at')
      .limit(BATCH);
    if (error) throw new Error(`reading the erasure queue failed: ${error.message}`);
    const rows = (data ?? []) as { storage_path: string; bucket_id: string }[];
    if (!rows.length) return report;
    const byBucket = new Map<string, string[]>();
    for (const r of rows)
      byBucket.set(r.bucket_id, [...(byBucket.get(r.bucket_id) ?? []), r.storage_path]);
    let progressed = false;
    for (const [bucket, paths] of byBucket) {
      const removed = await admin.storage.from(bucket).remove(paths);
      if (removed.error) {
        report.failed.push(...paths);
        continue;
      }
      const marked = await admin
        .from('photo_erasures')
        .update({ erased_at: new Date().toISOString() })
        .in('storage_path', paths);
      if (marked.error) throw new Error(`marking erased files failed: ${marked.error.message}`);
      report.erased += paths.length;
      progressed = true;
    }
    if (!progressed) return report;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.SUPABASE_URL;
  const key = process.env.SUPABASE_SERVICE_ROLE_KEY;
  if (!url || !key) {
    console.error('Set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY.');
    process.exit(1);
  }
  const admin = createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const report = await erasePendingPhotos(admin);
  console.warn(
    `Erased ${report.erased} photo file(s); ${report.failed.length} left for the next run.`,
  );
  if (report.failed.length) process.exitCode = 1;
}
