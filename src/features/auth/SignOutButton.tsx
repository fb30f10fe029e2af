import { useNavigate } from '@solidjs/router';
import { createEffect, createSignal, Show, type JSX } from 'solid-js';
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

  let firstChoice: HTMLButtonElement | undefined;
  // The question replaces what was clicked: take focus to it, so keyboard and screen reader
  // users land on the choice instead of on a button that asked nothing yet.
  createEffect(() => {
    if (confirming()) requestAnimationFrame(() => firstChoice?.focus());
  });

  async function sendFirst() {
    setConfirming(false);
    setProblem(undefined);
    await props.sendFirst?.();
    // Sent: sign out as the person asked. Not sent: say so; the work stays on this device.
    if (props.unsentWork?.()) setProblem('sync.signOut.stillUnsent');
    else await signOut(true);
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
          <button
            ref={firstChoice}
            type="button"
            class="button button--primary"
            onClick={() => void sendFirst()}
          >
            {t('sync.signOut.sendFirst')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => void signOut(true)}>
            {t('sync.signOut.anyway')}
          </button>
        </div>
      </Show>
      <p class="sign-out__problem" role="alert">
        <Show when={problem()}>{(key) => <>{t(key())}</>}</Show>
      </p>
    </div>
  );
}
