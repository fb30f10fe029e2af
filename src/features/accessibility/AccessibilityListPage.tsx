import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { accessibilityClass } from '../../lib/accessibility/index.ts';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { Page } from '../../ui/index.ts';
import { createLiveQuery, useSync } from '../sync/index.ts';
import { accessibilityPaths } from './paths.ts';

/** The accessibility checks on this device, newest first. */
export function AccessibilityListPage(): JSX.Element {
  const { device } = useSync();
  const checks = createLiveQuery(device, async ({ db }) =>
    (await db.accessibility_checks.toArray())
      .filter((c) => !c.deleted_at)
      .sort((a, b) => b.checked_at.localeCompare(a.checked_at))
      .slice(0, 200),
  );
  return (
    <Page title={t('acc.list.title')}>
      <p>
        <A class="button button--primary" href={accessibilityPaths.new}>
          {t('acc.list.new')}
        </A>
      </p>
      <Show when={checks()?.length} fallback={<p>{t('acc.list.empty')}</p>}>
        <ul class="cards">
          <For each={checks()}>
            {(c) => (
              <li class="card">
                <span class="card__title">
                  {t(`acc.result.${c.class ?? accessibilityClass(c as never)}` as PlainKey)}
                </span>
                <span>
                  {t('acc.list.item', {
                    address: c.address,
                    date: new Date(c.checked_at).toLocaleDateString('nl-NL'),
                  })}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Page>
  );
}
