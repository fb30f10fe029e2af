import type { JSX } from 'solid-js';

/**
 * Says that what a person typed last time was put back into the form, with a button to start
 * again without it. The page shows it only while a restored draft is in the form.
 */
export function DraftNotice(props: {
  message: string;
  discard: string;
  onDiscard: () => void;
}): JSX.Element {
  return (
    <div class="notice" role="status">
      <p>{props.message}</p>
      <button type="button" class="button button--secondary" onClick={() => props.onDiscard()}>
        {props.discard}
      </button>
    </div>
  );
}
