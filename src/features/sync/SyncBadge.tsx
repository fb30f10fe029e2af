import { A } from '@solidjs/router';
import { Match, Show, Switch, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import { useSync } from './SyncProvider.tsx';
import { syncPath } from './paths.ts';

/** "All sent" / "3 still to send" / "1 failed", linking to the sending page. */
export function SyncBadge(): JSX.Element {
  const { status } = useSync();
  return (
    <Show
      when={status()}
      fallback={
        // Holds the badge's place while the device data opens (just after the first paint), so
        // the header does not wrap and push the page down when the status arrives.
        <span class="sync-badge-placeholder" aria-hidden="true">
          {t('sync.badge.synced')}
        </span>
      }
    >
      {(s) => (
        <A
          href={syncPath}
          class="sync-badge"
          classList={{
            'sync-badge--device': s().state === 'device',
            'sync-badge--problem': s().rejected.length > 0,
          }}
        >
          <Switch fallback={t('sync.badge.synced')}>
            <Match when={s().rejected.length > 0}>
              {t('sync.badge.problems', { count: s().rejected.length })}
            </Match>
            <Match when={s().state === 'device'}>
              {t('sync.badge.pending', { count: Math.max(1, s().waitingItems) })}
            </Match>
          </Switch>
        </A>
      )}
    </Show>
  );
}

/** Tells this tab to reload when another tab upgraded the device database. */
export function ReloadNeeded(): JSX.Element {
  const { reloadNeeded } = useSync();
  return (
    <div role="status">
      <Show when={reloadNeeded()}>
        <p class="banner">
          {t('sync.reload')}{' '}
          <button type="button" class="button button--secondary" onClick={() => location.reload()}>
            {t('sync.reloadNow')}
          </button>
        </p>
      </Show>
    </div>
  );
}
