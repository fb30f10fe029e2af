import { Show, type Accessor, type JSX } from 'solid-js';
import { t } from '../lib/i18n/index.ts';

/**
 * A small online/offline badge (where sync progress will show later) plus, when offline, a
 * plain-language notice that work is kept on the device. The notice sits in a live region that
 * is always present, so screen readers announce going offline.
 */
export function ConnectionBadge(props: { online: Accessor<boolean> }): JSX.Element {
  return (
    <span class="connection" classList={{ 'connection--offline': !props.online() }}>
      <span class="connection__dot" aria-hidden="true" />
      {props.online() ? t('status.online') : t('status.offline')}
    </span>
  );
}

export function OfflineNotice(props: { online: Accessor<boolean> }): JSX.Element {
  return (
    <div role="status" class="offline-notice-region">
      <Show when={!props.online()}>
        <p class="banner banner--offline">{t('status.offlineExplained')}</p>
      </Show>
    </div>
  );
}
