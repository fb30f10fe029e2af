import { useLocation } from '@solidjs/router';
import { createEffect, on, type JSX } from 'solid-js';
import { t } from '../lib/i18n/index.ts';
import { focusNextHeading } from '../ui/index.ts';
import { createOnlineStatus } from '../platform/network.ts';
import type { ServiceWorkerControl } from '../platform/sw.ts';
import { ReloadNeeded } from '../features/sync/index.ts';
import { OfflineNotice } from './ConnectionStatus.tsx';
import { Header } from './Header.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

interface ShellProps {
  serviceWorker: ServiceWorkerControl;
  children?: JSX.Element;
}

/** The frame around every screen: skip link, header, notices, and the main landmark. */
export function Shell(props: ShellProps): JSX.Element {
  const online = createOnlineStatus();
  const location = useLocation();

  // After moving to another screen, its heading takes focus (see focusNextHeading).
  createEffect(on(() => location.pathname, focusNextHeading, { defer: true }));

  return (
    <div class="app">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header online={online} />
      <OfflineNotice online={online} />
      <UpdatePrompt serviceWorker={props.serviceWorker} />
      <ReloadNeeded />
      <main id="main" class="app-main" tabindex="-1">
        {props.children}
      </main>
    </div>
  );
}
