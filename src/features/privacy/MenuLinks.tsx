import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import { createIsMunicipality } from './municipality.ts';
import { privacyPaths } from './paths.ts';

/** Menu items: the statement for everyone; the audit log and data requests for the municipality. */
export function PrivacyMenuLinks(): JSX.Element {
  const isMunicipality = createIsMunicipality();
  return (
    <>
      <Show when={isMunicipality()}>
        <li>
          <A href={privacyPaths.audit}>{t('nav.audit')}</A>
        </li>
        <li>
          <A href={privacyPaths.requests}>{t('nav.dataRequests')}</A>
        </li>
      </Show>
      <li>
        <A href={privacyPaths.statement}>{t('nav.privacy')}</A>
      </li>
    </>
  );
}
