import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { t } from '../lib/i18n/index.ts';
import { Page } from '../ui/index.ts';

export function NotFound(): JSX.Element {
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <A href="/">{t('notFound.home')}</A>
      </p>
    </Page>
  );
}
