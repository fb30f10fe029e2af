import { For, onCleanup, Show, type JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import './photos.css';

/**
 * The photos of a new observation: choose one or more (more choices add to the list), see them
 * small, remove one before saving. What the list holds is what is saved.
 */
export function PhotoField(props: {
  id: string;
  files: readonly File[];
  onChange: (files: File[]) => void;
  /** Shown under the field (too many photos). */
  error?: string | undefined;
}): JSX.Element {
  let input!: HTMLInputElement;
  let list: HTMLUListElement | undefined;

  function add(chosen: FileList | null) {
    props.onChange([...props.files, ...(chosen ?? [])]);
    // Emptied, so the list is the one place that says what is chosen and the same photo can
    // be chosen again after removing it.
    input.value = '';
  }

  function remove(index: number) {
    props.onChange(props.files.filter((_, i) => i !== index));
    // The button pressed is gone: focus goes to the photo that took its place, the one before
    // it, or back to choosing photos, so a keyboard user is not dropped at the top of the page.
    const buttons = list?.isConnected ? list.querySelectorAll('button') : undefined;
    const next = buttons?.[index] ?? buttons?.[index - 1];
    (next ?? input).focus();
  }

  return (
    <div class="field" classList={{ 'field--invalid': Boolean(props.error) }}>
      <label class="field__label" for={props.id}>
        {t('obs.field.photos')}
      </label>
      <p class="field__hint" id={`${props.id}-hint`}>
        {t('obs.photos.hint')}
      </p>
      <input
        ref={input}
        id={props.id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/heic"
        capture="environment"
        multiple
        class="field__input"
        aria-describedby={`${props.id}-hint`}
        onChange={(e) => add(e.currentTarget.files)}
      />
      <Show when={props.files.length > 0}>
        <ul ref={list} class="chosen-photos" aria-label={t('obs.photos.chosen')}>
          <For each={props.files}>
            {(file, i) => {
              // One object URL per chosen file, revoked when the file leaves the list or the form
              // closes (the <For> row is disposed then), so a removed photo's bytes are freed.
              const url = URL.createObjectURL(file);
              onCleanup(() => URL.revokeObjectURL(url));
              const which = () => ({ number: i() + 1, name: file.name });
              return (
                <li>
                  <img src={url} alt={t('obs.photos.alt', which())} />
                  <button
                    type="button"
                    class="button button--secondary"
                    aria-label={t('obs.photos.removeNamed', which())}
                    onClick={() => remove(i())}
                  >
                    {t('obs.photos.remove')}
                  </button>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <p class="field__hint" role="status">
        <Show when={props.files.length > 0}>
          {t('obs.photos.count', { count: props.files.length })}
        </Show>
      </p>
      <Show when={props.error}>
        <p class="field__error">{props.error}</p>
      </Show>
    </div>
  );
}
