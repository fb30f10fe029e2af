import { createSignal, For, Show, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import { FormAlert } from '../../ui/index.ts';

/** What a person gives as a reaction: good or not good, a grade 1–5, a few words. */
export interface Reaction {
  thumb: 1 | -1 | null;
  rating: number | null;
  body: string;
}

/**
 * A tenant's reaction form, shared by observations and garden projects: good or not good, an
 * optional grade 1–5 and a few words. Big targets and plain words. `onSend` saves it (on the
 * device); when it throws, everything typed stays and `error` says why.
 */
export function ReactionForm(props: {
  /** Prefix for element ids, unique on the page. */
  id: string;
  title: string;
  /** True: a thumb is required; false: a thumb or a grade (or both). */
  requireThumb: boolean;
  /** Shown next to the choices when what is required is missing. */
  missing: string;
  /** Shown when saving failed. */
  error?: string | undefined;
  onSend: (reaction: Reaction) => Promise<boolean>;
}): JSX.Element {
  const [thumb, setThumb] = createSignal<1 | -1 | null>(null);
  const [rating, setRating] = createSignal<number | null>(null);
  const [body, setBody] = createSignal('');
  const [missing, setMissing] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const errorId = () => `${props.id}-missing`;

  async function send(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const ok = props.requireThumb ? thumb() !== null : thumb() !== null || rating() !== null;
    setMissing(!ok);
    if (!ok) return;
    setBusy(true);
    try {
      if (await props.onSend({ thumb: thumb(), rating: rating(), body: body().trim() })) {
        setThumb(null);
        setRating(null);
        setBody('');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="form" onSubmit={(e) => void send(e)} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <FormAlert message={missing() ? props.missing : props.error} />
      <fieldset
        class="field choice"
        classList={{ 'field--invalid': missing() }}
        aria-describedby={missing() ? errorId() : undefined}
      >
        <legend class="field__label">{t('obs.feedback.thumb')}</legend>
        <label class="choice__option">
          <input
            type="radio"
            name={`${props.id}-thumb`}
            checked={thumb() === 1}
            onChange={() => setThumb(1)}
          />
          {t('obs.feedback.up')}
        </label>
        <label class="choice__option">
          <input
            type="radio"
            name={`${props.id}-thumb`}
            checked={thumb() === -1}
            onChange={() => setThumb(-1)}
          />
          {t('obs.feedback.down')}
        </label>
        <Show when={missing()}>
          <p class="field__error" id={errorId()}>
            {props.missing}
          </p>
        </Show>
      </fieldset>
      <fieldset class="field choice">
        <legend class="field__label">{t('obs.feedback.rating')}</legend>
        <label class="choice__option">
          <input
            type="radio"
            name={`${props.id}-rating`}
            checked={rating() === null}
            onChange={() => setRating(null)}
          />
          {t('obs.feedback.noRating')}
        </label>
        <For each={[1, 2, 3, 4, 5]}>
          {(n) => (
            <label class="choice__option">
              <input
                type="radio"
                name={`${props.id}-rating`}
                checked={rating() === n}
                onChange={() => setRating(n)}
              />
              {n}
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label class="field__label" for={`${props.id}-body`}>
          {t('obs.feedback.comment')}
        </label>
        <textarea
          id={`${props.id}-body`}
          class="field__input"
          maxlength="2000"
          value={body()}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button button--primary" disabled={busy()}>
        {t('obs.feedback.send')}
      </button>
    </form>
  );
}
