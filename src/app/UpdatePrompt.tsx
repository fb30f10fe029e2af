import { createSignal, Show, type JSX } from 'solid-js';
import { t } from '../lib/i18n/index.ts';
import type { ServiceWorkerControl } from '../platform/sw.ts';

/** Offers a waiting new version. "Later" hides it until the next start of the app. */
export function UpdatePrompt(props: { serviceWorker: ServiceWorkerControl }): JSX.Element {
  const [dismissed, setDismissed] = createSignal(false);
  return (
    <div role="status" class="update-region">
      <Show when={props.serviceWorker.pendingUpdate() && !dismissed()}>
        <div class="banner banner--update">
          <p>{t('update.available')}</p>
          <div class="banner__actions">
            <button
              type="button"
              class="button button--primary"
              onClick={() => props.serviceWorker.applyUpdate()}
            >
              {t('update.reload')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setDismissed(true)}
            >
              {t('update.later')}
            </button>
          </div>
        </div>
      </Show>
    </div>
  );
}
