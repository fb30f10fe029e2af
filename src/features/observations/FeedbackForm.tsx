import { createSignal, For, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import { addEvent } from '../../sync/records.ts';
import { FormAlert } from '../../ui/index.ts';
import { useSync } from '../sync/index.ts';

/**
 * A tenant's reaction to an observation: good or not good, an optional grade 1–5 and a few words.
 * Big targets and plain words; saved on the device like everything else.
 */
export function FeedbackForm(props: { observationId: string; onSaved: () => void }): JSX.Element {
  const { device } = useSync();
  const [thumb, setThumb] = createSignal<1 | -1>();
  const [rating, setRating] = createSignal<number | null>(null);
  const [body, setBody] = createSignal('');
  const [missing, setMissing] = createSignal(false);

  async function send(event: SubmitEvent) {
    event.preventDefault();
    const d = device();
    const verdict = thumb();
    if (!verdict) return setMissing(true);
    setMissing(false);
    if (!d) return;
    await addEvent(d.ctx, {
      observation_id: props.observationId,
      kind: 'feedback',
      body: body().trim(),
      thumb: verdict,
      rating: rating(),
    });
    setThumb(undefined);
    setRating(null);
    setBody('');
    void d.syncNow('write');
    props.onSaved();
  }

  return (
    <form class="form" onSubmit={(e) => void send(e)}>
      <h2>{t('obs.feedback.title')}</h2>
      <FormAlert message={missing() ? t('obs.feedback.missing') : undefined} />
      <fieldset class="field choice">
        <legend class="field__label">{t('obs.feedback.thumb')}</legend>
        <label class="choice__option">
          <input type="radio" name="thumb" checked={thumb() === 1} onChange={() => setThumb(1)} />
          {t('obs.feedback.up')}
        </label>
        <label class="choice__option">
          <input type="radio" name="thumb" checked={thumb() === -1} onChange={() => setThumb(-1)} />
          {t('obs.feedback.down')}
        </label>
      </fieldset>
      <fieldset class="field choice">
        <legend class="field__label">{t('obs.feedback.rating')}</legend>
        <label class="choice__option">
          <input
            type="radio"
            name="rating"
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
                name="rating"
                checked={rating() === n}
                onChange={() => setRating(n)}
              />
              {n}
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label class="field__label" for="feedback-body">
          {t('obs.feedback.comment')}
        </label>
        <textarea
          id="feedback-body"
          class="field__input"
          maxlength="2000"
          value={body()}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button button--primary">
        {t('obs.feedback.send')}
      </button>
    </form>
  );
}
