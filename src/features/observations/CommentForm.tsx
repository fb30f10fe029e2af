import { createSignal, Show, type JSX } from 'solid-js';
import { FormAlert } from '../../ui/index.ts';

/**
 * A professional's comment, shared by observations and garden projects: a few words, saved on
 * the device like everything else. `onSend` saves it; when it returns true the field empties,
 * otherwise everything typed stays (and `error`, if given, says why).
 */
export function CommentForm(props: {
  /** The text field's id, unique on the page; other ids start with it. */
  id: string;
  label: string;
  /** Read out with the field, e.g. who will see the comment. */
  hint?: string | undefined;
  /** The button's text. */
  send: string;
  /** Shown when Save is pressed with nothing written. */
  empty: string;
  /** Shown when saving failed. */
  error?: string | undefined;
  onSend: (body: string) => Promise<boolean>;
}): JSX.Element {
  const [body, setBody] = createSignal('');
  const [missing, setMissing] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  let field: HTMLTextAreaElement | undefined;
  const describedBy = () =>
    [props.hint && `${props.id}-hint`, missing() && `${props.id}-error`]
      .filter(Boolean)
      .join(' ') || undefined;

  async function send(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const text = body().trim();
    setMissing(!text);
    if (!text) {
      field?.focus();
      return;
    }
    setBusy(true);
    try {
      if (await props.onSend(text)) setBody('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" onSubmit={(e) => void send(e)}>
      <FormAlert message={missing() ? props.empty : props.error} />
      <div class="field" classList={{ 'field--invalid': missing() }}>
        <label class="field__label" for={props.id}>
          {props.label}
        </label>
        <Show when={props.hint}>
          {(hint) => (
            <p class="field__hint" id={`${props.id}-hint`}>
              {hint()}
            </p>
          )}
        </Show>
        <textarea
          ref={field}
          id={props.id}
          class="field__input"
          maxlength="2000"
          value={body()}
          onInput={(e) => {
            setBody(e.currentTarget.value);
            if (missing() && e.currentTarget.value.trim()) setMissing(false);
          }}
          aria-invalid={missing() ? 'true' : undefined}
          aria-describedby={describedBy()}
        />
        <Show when={missing()}>
          <p class="field__error" id={`${props.id}-error`}>
            {props.empty}
          </p>
        </Show>
      </div>
      <button type="submit" class="button button--primary" aria-disabled={busy()}>
        {props.send}
      </button>
    </form>
  );
}
