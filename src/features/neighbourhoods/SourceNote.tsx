import { Show, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import type { FigureSource } from './data.ts';
import { formatDateTime } from './format.ts';

/** Where the figures come from: the server, or this device as of the last sync. */
export function SourceNote(props: {
  source: FigureSource | undefined;
  lastSync: string | null | undefined;
  tenant: boolean;
}): JSX.Element {
  return (
    <div class="notice source-note" role="status">
      <Show when={props.source} fallback={<p>{t('map.loading')}</p>}>
        <p>
          {props.source === 'server'
            ? t('map.source.server')
            : props.source === 'own'
              ? t('map.source.own', { when: formatDateTime(props.lastSync) })
              : t('map.source.device', { when: formatDateTime(props.lastSync) })}
        </p>
      </Show>
      <Show when={props.tenant}>
        <p>{t('map.tenantNote')}</p>
      </Show>
    </div>
  );
}
