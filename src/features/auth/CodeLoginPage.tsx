import { A, useLocation } from '@solidjs/router';
import { createSignal, Match, Switch, type JSX } from 'solid-js';
import { t, type PlainKey } from '../../lib/i18n/index.ts';
import { FormAlert, Page, TextField } from '../../ui/index.ts';
import { LeaveWhenSignedIn } from './LeaveWhenSignedIn.tsx';
import { authPaths } from './paths.ts';
import { checkCode, checkEmail, failureMessage, normaliseCode } from './rules.ts';
import { useSession } from './session.tsx';
import { onSignedIn } from './signedIn.ts';

/**
 * Login with a one-time code by email, for people who have no password or forgot it.
 * Two steps on one screen: ask for a code, then type it in.
 */
export function CodeLoginPage(): JSX.Element {
  const { auth } = useSession();
  const location = useLocation();
  const [step, setStep] = createSignal<'email' | 'code'>('email');
  const [email, setEmail] = createSignal('');
  const [code, setCode] = createSignal('');
  const [fieldError, setFieldError] = createSignal<PlainKey>();
  const [alert, setAlert] = createSignal<PlainKey>();
  const [busy, setBusy] = createSignal(false);
  let emailInput: HTMLInputElement | undefined;
  let codeInput: HTMLInputElement | undefined;

  /** Checks one field; if it is fine, marks the form busy and says the request may go. */
  function begin(error: PlainKey | undefined, input: HTMLInputElement | undefined): boolean {
    if (busy()) return false;
    setFieldError(error);
    if (error) {
      setAlert('auth.error.summary');
      input?.focus();
      return false;
    }
    setAlert(undefined);
    setBusy(true);
    return true;
  }

  async function sendCode(event: SubmitEvent) {
    event.preventDefault();
    if (!begin(checkEmail(email()), emailInput)) return;
    const outcome = await auth.requestCode(email().trim());
    setBusy(false);
    if (!outcome.ok) {
      setAlert(failureMessage(outcome.failure));
      return;
    }
    setCode('');
    setStep('code');
    // The code field replaces the email field: move focus there so nobody has to hunt for it.
    codeInput?.focus();
  }

  async function verify(event: SubmitEvent) {
    event.preventDefault();
    if (!begin(checkCode(code()), codeInput)) return;
    const outcome = await auth.verifyCode(email().trim(), normaliseCode(code()));
    setBusy(false);
    if (outcome.ok) onSignedIn();
    else setAlert(failureMessage(outcome.failure));
  }

  function startOver() {
    setStep('email');
    setAlert(undefined);
    setFieldError(undefined);
    emailInput?.focus();
  }

  const alertText = () => alert() && t(alert() as PlainKey);
  const errorText = () => fieldError() && t(fieldError() as PlainKey);

  return (
    <LeaveWhenSignedIn>
      <Page title={t('auth.code.title')}>
        <Switch>
          <Match when={step() === 'email'}>
            <p>{t('auth.code.intro')}</p>
            <form class="form" novalidate onSubmit={(e) => void sendCode(e)}>
              <FormAlert message={alertText()} />
              <TextField
                ref={emailInput}
                id="code-email"
                name="email"
                type="email"
                inputmode="email"
                autocomplete="username"
                spellcheck={false}
                label={t('auth.email')}
                value={email()}
                onInput={(e) => setEmail(e.currentTarget.value)}
                error={errorText()}
              />
              <button type="submit" class="button button--primary" aria-disabled={busy()}>
                {busy() ? t('auth.code.sending') : t('auth.code.send')}
              </button>
            </form>
          </Match>
          <Match when={step() === 'code'}>
            <p class="notice" role="status">
              {t('auth.code.sent', { email: email().trim() })}
            </p>
            <form class="form" novalidate onSubmit={(e) => void verify(e)}>
              <FormAlert message={alertText()} />
              <TextField
                ref={codeInput}
                id="code-code"
                name="code"
                type="text"
                inputmode="numeric"
                autocomplete="one-time-code"
                label={t('auth.code.label')}
                value={code()}
                onInput={(e) => setCode(e.currentTarget.value)}
                error={errorText()}
              />
              <button type="submit" class="button button--primary" aria-disabled={busy()}>
                {busy() ? t('auth.busy') : t('auth.code.submit')}
              </button>
              <button type="button" class="button button--secondary" onClick={startOver}>
                {t('auth.code.again')}
              </button>
            </form>
          </Match>
        </Switch>
        <p class="alt-action">
          <A href={`${authPaths.login}${location.search}`}>{t('auth.usePassword')}</A>
        </p>
      </Page>
    </LeaveWhenSignedIn>
  );
}
