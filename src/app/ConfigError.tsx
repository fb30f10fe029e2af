import type { JSX } from 'solid-js';
import { t } from '../lib/i18n/index.ts';
import { Page } from '../ui/index.ts';

/** Shown instead of the app when the build lacks its Supabase settings. */
export function ConfigError(props: { missing: readonly string[] }): JSX.Element {
  return (
    <main id="main" class="app-main">
      <Page title={t('config.title')}>
        <p>{t('config.body')}</p>
        <p class="notice">{t('config.missing', { names: props.missing.join(', ') })}</p>
      </Page>
    </main>
  );
}
