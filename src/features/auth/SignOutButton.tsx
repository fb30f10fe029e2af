import { useNavigate } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { authPaths } from './paths.ts';
import { useSession } from './session.tsx';

/** Signs out on this device; explains instead when that cannot be done right now. */
export function SignOutButton(): JSX.Element {
  const { auth } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<PlainKey>();

  async function signOut() {
    if (busy()) return;
    setBusy(true);
    setProblem(undefined);
    const outcome = await auth.signOut();
    setBusy(false);
    if (outcome.ok) {
      navigate(authPaths.login, { replace: true, state: { signedOut: true } });
      return;
    }
    // Offline, the server cannot end the session; and later, unsent work must go out first.
    setProblem(outcome.failure === 'offline' ? 'auth.error.signOutOffline' : 'auth.error.unknown');
  }

  return (
    <div class="sign-out">
      <button
        type="button"
        class="button button--secondary"
        aria-disabled={busy()}
        onClick={() => void signOut()}
      >
        {t('nav.signOut')}
      </button>
      <p class="sign-out__problem" role="alert">
        <Show when={problem()}>{(key) => t(key())}</Show>
      </p>
    </div>
  );
}
