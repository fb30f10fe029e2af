import { Navigate, useLocation, type RouteSectionProps } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { loginHref } from './paths.ts';
import { useSession } from './session.tsx';

/** A route section for signed-in people; others go to the login screen and come back after. */
export function RequireSession(props: RouteSectionProps): JSX.Element {
  const { user } = useSession();
  const location = useLocation();
  return (
    <Show
      when={user()}
      fallback={<Navigate href={loginHref(`${location.pathname}${location.search}`)} />}
    >
      {props.children}
    </Show>
  );
}
