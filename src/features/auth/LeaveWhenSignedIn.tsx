import { Navigate, useSearchParams } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { RETURN_PARAM, safeReturnPath } from './rules.ts';
import { useSession } from './session.tsx';

/** Shows a login screen only while signed out; once signed in, goes where the person was going. */
export function LeaveWhenSignedIn(props: { children: JSX.Element }): JSX.Element {
  const { user } = useSession();
  const [params] = useSearchParams();
  return (
    <Show when={!user()} fallback={<Navigate href={safeReturnPath(params[RETURN_PARAM])} />}>
      {props.children}
    </Show>
  );
}
