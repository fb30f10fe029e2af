import { createEffect, createSignal, type JSX } from 'solid-js';
import { t } from '../lib/i18n/index.ts';
import { loadHighContrast, saveHighContrast } from '../platform/preferences.ts';

/**
 * High contrast for bright sun outdoors: black on white, heavier borders. A toggle button whose
 * pressed state screen readers announce; the choice is remembered on this device.
 */
export function ContrastSwitch(): JSX.Element {
  const [high, setHigh] = createSignal(loadHighContrast());
  createEffect(() => {
    document.documentElement.dataset.contrast = high() ? 'high' : '';
    saveHighContrast(high());
  });
  return (
    <button
      type="button"
      class="button button--quiet contrast-switch"
      aria-pressed={high()}
      onClick={() => setHigh(!high())}
    >
      {t('contrast.toggle')}
    </button>
  );
}
