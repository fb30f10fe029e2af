import { A, useLocation } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { FormAlert, Page, TextField } from '../../ui/index.ts';
import { LeaveWhenSignedIn } from './LeaveWhenSignedIn.tsx';
import { authPaths } from './paths.ts';
import { checkEmail, checkPassword, failureMessage } from './rules.ts';
import { useSession } from './session.tsx';
import { onSignedIn } from './signedIn.ts';

interface FieldErrors {
  email?: PlainKey | undefined;
  password?: PlainKey | undefined;
}

/** Login with email address and password. */
export function PasswordLoginPage(): JSX.Element {
  const { auth } = useSession();
  const location = useLocation<{ signedOut?: boolean } | undefined>();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [showPassword, setShowPassword] = createSignal(false);
  // Message keys, not texts, so a language switch also translates a message on screen.
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [alert, setAlert] = createSignal<PlainKey>();
  const [busy, setBusy] = createSignal(false);
  let emailInput: HTMLInputElement | undefined;
  let passwordInput: HTMLInputElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const found = { email: checkEmail(email()), password: checkPassword(password()) };
    setErrors(found);
    if (found.email || found.password) {
      setAlert('auth.error.summary');
      (found.email ? emailInput : passwordInput)?.focus();
      return;
    }
    setAlert(undefined);
    setBusy(true);
    const outcome = await auth.signInWithPassword(email().trim(), password());
    setBusy(false);
    if (outcome.ok) onSignedIn();
    else setAlert(failureMessage(outcome.failure));
  }

  return (
    <LeaveWhenSignedIn>
      <Page title={t('auth.title')}>
        <Show when={location.state?.signedOut}>
          <p class="notice" role="status">
            {t('auth.signedOut')}
          </p>
        </Show>
        <p>{t('auth.intro')}</p>
        <form class="form" novalidate onSubmit={(e) => void submit(e)}>
          <FormAlert message={alert() && t(alert() as PlainKey)} />
          <TextField
            ref={emailInput}
            id="login-email"
            name="email"
            type="email"
            inputmode="email"
            autocomplete="username"
            spellcheck={false}
            label={t('auth.email')}
            value={email()}
            onInput={(e) => setEmail(e.currentTarget.value)}
            error={errors().email && t(errors().email as PlainKey)}
          />
          <TextField
            ref={passwordInput}
            id="login-password"
            name="password"
            type={showPassword() ? 'text' : 'password'}
            autocomplete="current-password"
            label={t('auth.password')}
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
            error={errors().password && t(errors().password as PlainKey)}
          />
          <label class="checkbox">
            <input
              type="checkbox"
              checked={showPassword()}
              onChange={(e) => setShowPassword(e.currentTarget.checked)}
            />
            <span>{t('auth.showPassword')}</span>
          </label>
          <button type="submit" class="button button--primary" aria-disabled={busy()}>
            {busy() ? t('auth.busy') : t('auth.submit')}
          </button>
        </form>
        <p class="alt-action">
          <A href={`${authPaths.loginWithCode}${location.search}`}>{t('auth.useCode')}</A>
        </p>
        <p class="alt-action">
          <A href="/privacy">{t('auth.privacyLink')}</A>
        </p>
      </Page>
    </LeaveWhenSignedIn>
  );
}
