import { createSignal, For, Show, type JSX } from 'solid-js';
import { language, t } from '../../lib/i18n/index.ts';
import { exportUnsent } from '../../sync/status.ts';
import { Page } from '../../ui/index.ts';
import { reasonOf, recordKey } from './reasons.ts';
import { useSync } from './SyncProvider.tsx';

const when = (iso: string) =>
  new Date(iso).toLocaleString(language() === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/** What is on this device and what the server has, what failed and why, and the way out. */
export function SyncPage(): JSX.Element {
  const { status, syncNow, device } = useSync();
  const [busy, setBusy] = createSignal(false);

  async function sendNow() {
    setBusy(true);
    try {
      await syncNow();
    } finally {
      setBusy(false);
    }
  }

  async function download() {
    const d = device();
    if (!d) return;
    const json = await exportUnsent(d.db, new Date());
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `buurtpeil-niet-verstuurd-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <Page title={t('sync.title')}>
      <Show when={status()}>
        {(s) => (
          <>
            <p>{s().state === 'synced' ? t('sync.state.synced') : t('sync.state.device')}</p>
            <ul class="facts">
              <li>{t('sync.pending', { count: s().pending })}</li>
              <Show when={s().photosPending > 0}>
                <li>{t('sync.photos', { count: s().photosPending })}</li>
              </Show>
              <li>
                {s().lastSyncAt
                  ? t('sync.lastSync', { time: when(s().lastSyncAt!) })
                  : t('sync.never')}
              </li>
            </ul>
            <Show when={s().lastError}>
              <p class="banner">{t('sync.lastError')}</p>
            </Show>
            <button
              type="button"
              class="button button--primary"
              aria-disabled={busy()}
              onClick={() => void (busy() || sendNow())}
            >
              {busy() ? t('sync.busy') : t('sync.now')}
            </button>
            <Show when={s().rejected.length > 0}>
              <h2>{t('sync.rejected.title')}</h2>
              <p>{t('sync.rejected.intro')}</p>
              <ul class="rejections">
                <For each={s().rejected}>
                  {(entry) => {
                    const reason = reasonOf(entry);
                    return (
                      <li>
                        <strong>
                          {t('sync.rejected.item', {
                            what: t(recordKey(entry)),
                            time: when(entry.created_at),
                          })}
                        </strong>
                        <br />
                        {'key' in reason ? t(reason.key) : reason.text}
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Show>
            <Show when={s().state === 'device'}>
              <h2>{t('sync.export')}</h2>
              <p>{t('sync.export.help')}</p>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => void download()}
              >
                {t('sync.export')}
              </button>
            </Show>
          </>
        )}
      </Show>
    </Page>
  );
}
