import { createEffect, onMount, type JSX } from 'solid-js';
import { t } from '../lib/i18n/index.ts';

/** Set by the shell when the route changes: the next screen's heading takes focus. */
let focusPending = false;

/**
 * After moving to another screen, focus goes to its heading: otherwise keyboard and screen reader
 * users stay on a link that no longer exists and hear nothing about the new page. Screens load
 * lazily, so the heading may appear a moment later: the page that mounts next takes it then.
 */
export function focusNextHeading(): void {
  focusPending = true;
  requestAnimationFrame(() => {
    // The same screen with other data (no new Page mounts): its heading is already there.
    const heading = document.querySelector<HTMLElement>('main h1');
    if (focusPending && heading) {
      focusPending = false;
      heading.focus();
    }
  });
}

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
  let heading!: HTMLHeadingElement;
  onMount(() => {
    if (!focusPending) return;
    focusPending = false;
    heading.focus();
  });
  return (
    <div class="page">
      <h1 ref={heading} class="page__title" tabindex="-1">
        {props.title}
      </h1>
      {props.children}
    </div>
  );
}
