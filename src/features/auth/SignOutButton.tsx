import { useNavigate } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { authPaths } from './paths.ts';
import { useSession } from './session.tsx';

interface SignOutProps {
  /** True while work waits on this device: then the person is asked first. */
  unsentWork?: () => boolean;
  /** "Send first": tries to send before signing out. */
  sendFirst?: () => Promise<void>;
}

/**
 * Signs out on this device; explains instead when that cannot be done right now. With unsent
 * work it asks first: signing out never deletes it (it stays on the device for the next login).
 */
export function SignOutButton(props: SignOutProps): JSX.Element {
  const { auth } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<PlainKey>();
  const [confirming, setConfirming] = createSignal(false);

  async function sendFirst() {
    setConfirming(false);
    await props.sendFirst?.();
  }

  async function signOut(confirmed = false) {
    if (busy()) return;
    if (!confirmed && props.unsentWork?.()) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
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
      <Show when={confirming()}>
        <div class="sign-out__confirm" role="alertdialog" aria-labelledby="sign-out-unsent">
          <p id="sign-out-unsent">{t('sync.signOut.unsent')}</p>
          <button type="button" class="button button--primary" onClick={() => void sendFirst()}>
            {t('sync.signOut.sendFirst')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => void signOut(true)}>
            {t('sync.signOut.anyway')}
          </button>
        </div>
      </Show>
      <p class="sign-out__problem" role="alert">
        <Show when={problem()}>{(key) => t(key())}</Show>
      </p>
    </div>
  );
}
