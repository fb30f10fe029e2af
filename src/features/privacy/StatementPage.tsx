import { A } from '@solidjs/router';
import { createResource, For, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { Page } from '../../ui/index.ts';
import { useSession } from '../auth/index.ts';
import { usePrivacyApi } from './api.ts';

const NOTICE: [PlainKey, PlainKey][] = [
  ['privacy.notice.what.title', 'privacy.notice.what'],
  ['privacy.notice.why.title', 'privacy.notice.why'],
  ['privacy.notice.who-sees.title', 'privacy.notice.who-sees'],
  ['privacy.notice.photos.title', 'privacy.notice.photos'],
  ['privacy.notice.pdok.title', 'privacy.notice.pdok'],
  ['privacy.notice.log.title', 'privacy.notice.log'],
];

const ACCESSIBILITY: [PlainKey, PlainKey][] = [
  ['a11y.how.title', 'a11y.how'],
  ['a11y.tested.title', 'a11y.tested'],
  ['a11y.known.title', 'a11y.known'],
  ['a11y.contact.title', 'a11y.contact'],
];

/**
 * The privacy notice and the accessibility statement (toegankelijkheidsverklaring), in plain
 * Dutch. Public: anyone can read them before logging in.
 */
export function StatementPage(): JSX.Element {
  const { user } = useSession();
  const api = usePrivacyApi();
  // Signed in: the period of your own municipality (the gemeente can change it).
  const [months] = createResource(
    () => user()?.id,
    () => api.retentionMonths().catch(() => undefined),
  );
  return (
    <Page title={t('privacy.title')}>
      <p class="lead">{t('privacy.intro')}</p>
      <section aria-labelledby="privacy-notice">
        <h2 id="privacy-notice" class="section-title">
          {t('privacy.notice.title')}
        </h2>
        <p>{t('privacy.notice.who')}</p>
        <For each={NOTICE}>
          {([title, body]) => (
            <>
              <h3>{t(title)}</h3>
              <p>{t(body)}</p>
            </>
          )}
        </For>
        <h3>{t('privacy.notice.keep.title')}</h3>
        <Show when={user() && months()} fallback={<p>{t('privacy.notice.keepDefault')}</p>}>
          {(n) => <p>{t('privacy.notice.keep', { months: n() })}</p>}
        </Show>
        <h3>{t('privacy.notice.rights.title')}</h3>
        <p>{t('privacy.notice.rights')}</p>
        <p>{t('privacy.notice.complaint')}</p>
      </section>
      <section aria-labelledby="a11y-statement">
        <h2 id="a11y-statement" class="section-title">
          {t('a11y.title')}
        </h2>
        <p>{t('a11y.goal')}</p>
        <For each={ACCESSIBILITY}>
          {([title, body]) => (
            <>
              <h3>{t(title)}</h3>
              <p>{t(body)}</p>
            </>
          )}
        </For>
      </section>
      <Show when={!user()}>
        <p class="alt-action">
          <A href="/inloggen">{t('privacy.back')}</A>
        </p>
      </Show>
    </Page>
  );
}
