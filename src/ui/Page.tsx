import { createEffect, type JSX } from 'solid-js';
import { t } from '../lib/i18n/index.ts';

interface PageProps {
  /** The page's heading, also used for the document title. */
  title: string;
  children?: JSX.Element;
}

/**
 * A screen: sets the document title (the first thing a screen reader announces after
 * navigating) and gives the heading `tabindex=-1` so the shell can move focus to it when the
 * route changes.
 */
export function Page(props: PageProps): JSX.Element {
  createEffect(() => {
    document.title = t('app.pageTitle', { page: props.title });
  });
  return (
    <div class="page">
      <h1 class="page__title" tabindex="-1">
        {props.title}
      </h1>
      {props.children}
    </div>
  );
}
