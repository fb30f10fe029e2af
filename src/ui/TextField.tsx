import { Show, splitProps, type JSX } from 'solid-js';

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-describedby'>;

interface TextFieldProps extends InputProps {
  id: string;
  label: string;
  /** Shown between label and input, and read out with the input. */
  hint?: string | undefined;
  /** Shown under the input and read out with it; also marks the input invalid. */
  error?: string | undefined;
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function TextField(props: TextFieldProps): JSX.Element {
  const [local, input] = splitProps(props, ['id', 'label', 'hint', 'error']);
  const describedBy = () =>
    [local.hint && `${local.id}-hint`, local.error && `${local.id}-error`]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div class="field" classList={{ 'field--invalid': Boolean(local.error) }}>
      <label class="field__label" for={local.id}>
        {local.label}
      </label>
      <Show when={local.hint}>
        {(hint) => (
          <p class="field__hint" id={`${local.id}-hint`}>
            {hint()}
          </p>
        )}
      </Show>
      <input
        {...input}
        id={local.id}
        class="field__input"
        aria-invalid={local.error ? 'true' : undefined}
        aria-describedby={describedBy()}
      />
      <Show when={local.error}>
        {(error) => (
          <p class="field__error" id={`${local.id}-error`}>
            {error()}
          </p>
        )}
      </Show>
    </div>
  );
}
