/**
 * Drafts of forms, kept in localStorage so that leaving a form (another screen, a reload, a dead
 * battery) never loses what someone typed. Small and synchronous; photos are not kept here.
 */
import { draftOf, type FormValues } from '../lib/drafts/index.ts';

const PREFIX = 'buurtpeil.draft.';

export function loadDraft<T>(key: string): T | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // storage full or blocked: the form still works, only without a draft
  }
}

export function clearDraft(key: string): void {
  try {
    globalThis.localStorage?.removeItem(PREFIX + key);
  } catch {
    // nothing to clear
  }
}

/**
 * Keeps what differs between where a form started and what it holds now (see `draftOf`), or
 * forgets the draft when nothing differs any more.
 */
export function keepDraft<T extends FormValues>(key: string, start: T, now: T): void {
  const draft = draftOf(start, now);
  if (draft) saveDraft(key, draft);
  else clearDraft(key);
}
