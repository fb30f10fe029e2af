import type { JSX } from 'solid-js';

/**
 * A message about the whole form (wrong password, offline, …). The live region is always in
 * the page, empty when there is nothing to say, because screen readers only announce changes
 * to a region that already existed.
 */
export function FormAlert(props: { message: string | undefined }): JSX.Element {
  return (
    <div class="form-alert" classList={{ 'form-alert--shown': Boolean(props.message) }}>
      <p role="alert" aria-atomic="true">
        {props.message}
      </p>
    </div>
  );
}
