import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ERRORS } from './errors.ts';

/** Where a storage service keeps its files. */
export interface Disk {
  /** `<dataDir>/storage`: one folder per bucket, one file per object. */
  root: string;
  /** Uploads in progress, on the same file system so the final rename is atomic. */
  tmp: string;
}

export function diskOf(dataDir: string): Disk {
  return { root: path.join(dataDir, 'storage'), tmp: path.join(dataDir, 'storage-uploads') };
}

/** A fresh temp file path for an upload. */
export async function tempFile(disk: Disk): Promise<string> {
  await mkdir(disk.tmp, { recursive: true });
  return path.join(disk.tmp, randomUUID());
}

/** Copies an object's file to a temp file (for copy), or undefined if it is gone. */
export async function copyToTemp(disk: Disk, file: string): Promise<string | undefined> {
  const tmp = await tempFile(disk);
  try {
    await copyFile(file, tmp);
    return tmp;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Makes sure `file` can be created: its folders exist and neither it nor a parent is in the way
 * (object `a` and object `a/b` cannot both exist as files). Done before the row is written, so a
 * conflict refuses the upload instead of leaving a row without a file.
 */
export async function prepareTarget(disk: Disk, file: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw conflict(disk, file);
    throw e;
  }
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) throw conflict(disk, file);
}

function conflict(disk: Disk, file: string) {
  const key = path.relative(disk.root, file).split(path.sep).slice(1).join('/');
  return ERRORS.invalidKey(
    key,
    'the local stack stores objects as files, and an object and a folder of this name cannot both exist',
  );
}

/** Moves a finished temp file into place, replacing the previous version atomically. */
export async function placeFile(tmp: string, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await rename(tmp, file);
}

/** Deletes an object's file and the folders it leaves empty, up to the bucket folder. */
export async function removeFile(disk: Disk, file: string): Promise<void> {
  await rm(file, { force: true });
  let dir = path.dirname(file);
  // Stop at <root>/<bucket>: the bucket folder itself goes only with the bucket.
  while (path.dirname(dir) !== disk.root && dir.startsWith(disk.root + path.sep)) {
    try {
      await rmdir(dir);
    } catch {
      return; // not empty (or already gone): the folders above are in use too
    }
    dir = path.dirname(dir);
  }
}

/** Deletes a temp file if it still exists. */
export function dropTemp(tmp: string | undefined): Promise<void> {
  return tmp ? rm(tmp, { force: true }) : Promise.resolve();
}

/**
 * Serialises the commit-then-rename steps of every write. The row commits first and the file is
 * renamed after, so two writers of one name could otherwise end with one's row and the other's
 * file. Only these short steps are serialised; receiving bodies is not.
 */
export function createWriteLock(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    // `tail` never rejects, so each write starts once the previous one has settled.
    const run = tail.then(() => fn());
    tail = run.catch(() => {});
    return run;
  };
}
