import { For, Show, type JSX } from 'solid-js';
import { language, t } from '../../lib/i18n/index.ts';
import type { HistoryEntry } from './feedback.ts';

const date = (iso: string) =>
  new Date(iso).toLocaleString(language() === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/**
 * Tenants' reactions and professionals' notes on a garden project, in the order given (the page
 * passes them newest first): what was said and when, and for professionals from which
 * organisation. Never who: tenants' names stay out of it (AVG).
 */
export function GardenHistory(props: { events: readonly HistoryEntry[] }): JSX.Element {
  return (
    <ol class="timeline">
      <For each={props.events}>
        {(e) => (
          <li>
            <strong>
              {e.kind === 'comment'
                ? t('garden.reaction.comment')
                : e.thumb === 1
                  ? t('garden.reaction.up')
                  : e.thumb === -1
                    ? t('garden.reaction.down')
                    : t('garden.reaction.feedback')}
            </strong>{' '}
            · <time dateTime={e.created_at}>{date(e.created_at)}</time>
            <Show when={e.unsent}>
              {' · '}
              <strong>{t('garden.list.onDevice')}</strong>
            </Show>
            <Show when={e.organisation}>
              {(name) => (
                <>
                  <br />
                  {t('garden.reaction.organisation', { organisation: name() })}
                </>
              )}
            </Show>
            <Show when={e.rating}>
              <br />
              {t('garden.reaction.rating', { rating: e.rating ?? 0 })}
            </Show>
            <Show when={e.body}>
              <br />
              {e.body}
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}
