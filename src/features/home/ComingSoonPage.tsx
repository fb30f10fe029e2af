import { A, type RouteDefinition } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import { Page } from '../../ui/index.ts';
import type { UpcomingFeature } from './upcoming.ts';

/** The placeholder route for a feature; replaced by the feature's own routes when it lands. */
export function comingSoonRoute(feature: UpcomingFeature): RouteDefinition {
  return { path: feature.path, component: () => <ComingSoonPage feature={feature} /> };
}

/** Stands in for a feature that is not built yet, so the navigation can already be tried. */
function ComingSoonPage(props: { feature: UpcomingFeature }): JSX.Element {
  return (
    <Page title={t(props.feature.title)}>
      <p class="lead">{t(props.feature.summary)}</p>
      <p class="notice">{t('feature.comingSoon')}</p>
      <p>
        <A href="/">{t('feature.backHome')}</A>
      </p>
    </Page>
  );
}
