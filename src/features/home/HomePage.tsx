import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import { Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { createMyRole } from './role.ts';
import { featuresFor } from './upcoming.ts';

/** The start screen after login: the same for every role, a doorway to each part of the app. */
export function HomePage(): JSX.Element {
  const { user } = useSession();
  const role = createMyRole();
  return (
    <Page title={t('home.title')}>
      <Show when={user()?.email}>
        {(email) => <p class="lead">{t('home.signedInAs', { email: email() })}</p>}
      </Show>
      <h2 class="section-title">{t('home.intro')}</h2>
      <ul class="tiles">
        <For each={featuresFor(role())}>
          {(feature) => (
            <li>
              <A class="tile" href={feature.path}>
                <span class="tile__title">{t(feature.title)}</span>
                <span class="tile__summary">{t(feature.summary)}</span>
              </A>
            </li>
          )}
        </For>
      </ul>
    </Page>
  );
}
