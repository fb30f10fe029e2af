import { A, useLocation } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, type Accessor, type JSX } from 'solid-js';
import { SignOutButton, useSession } from '../features/auth/index.ts';
import { createMyRole, featuresFor } from '../features/home/index.ts';
import { PrivacyMenuLinks } from '../features/privacy/index.ts';
import { SyncBadge, useSync } from '../features/sync/index.ts';
import { t } from '../lib/i18n/index.ts';
import { ConnectionBadge } from './ConnectionStatus.tsx';
import { ContrastSwitch } from './ContrastSwitch.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/**
 * App name, connection badge, language switch and, when signed in, the main menu. On phones the
 * menu folds behind a button (a disclosure, not a modal); from tablet width it is always shown.
 */
export function Header(props: { online: Accessor<boolean> }): JSX.Element {
  const { user } = useSession();
  const sync = useSync();
  const location = useLocation();
  const role = createMyRole();
  const [menuOpen, setMenuOpen] = createSignal(false);
  let menuButton: HTMLButtonElement | undefined;

  createEffect(
    on(
      () => location.pathname,
      () => setMenuOpen(false),
      { defer: true },
    ),
  );

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !menuOpen()) return;
    setMenuOpen(false);
    menuButton?.focus();
  }

  return (
    // Escape closes the menu from the button as well as from inside it.
    <header class="app-header" onKeyDown={closeOnEscape}>
      <div class="app-header__bar">
        <A href="/" class="brand" end>
          <img class="brand__logo" src="/icons/icon.svg" alt="" width="32" height="32" />
          <span class="brand__name">{t('app.name')}</span>
        </A>
        <Show when={user()}>
          <button
            ref={menuButton}
            type="button"
            class="button button--quiet menu-button"
            aria-expanded={menuOpen()}
            aria-controls="main-nav"
            onClick={() => setMenuOpen(!menuOpen())}
          >
            <span class="menu-button__icon" aria-hidden="true" />
            {t('nav.open')}
          </button>
        </Show>
      </div>
      <div class="app-header__tools">
        <ConnectionBadge online={props.online} />
        <Show when={user()}>
          <SyncBadge />
        </Show>
        <ContrastSwitch />
        <LanguageSwitch />
      </div>
      <Show when={user()}>
        <nav
          id="main-nav"
          class="main-nav"
          classList={{ 'main-nav--open': menuOpen() }}
          aria-label={t('nav.label')}
        >
          <ul class="main-nav__list">
            <li>
              <A href="/" end>
                {t('nav.home')}
              </A>
            </li>
            <For each={featuresFor(role())}>
              {(feature) => (
                <li>
                  <A href={feature.path}>{t(feature.title)}</A>
                </li>
              )}
            </For>
            <PrivacyMenuLinks />
          </ul>
          <SignOutButton
            unsentWork={() => sync.status()?.state === 'device'}
            sendFirst={sync.syncNow}
          />
        </nav>
      </Show>
    </header>
  );
}
