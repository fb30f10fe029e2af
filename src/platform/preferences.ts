/** Small personal display preferences, kept in localStorage. */
const CONTRAST_KEY = 'buurtpeil.contrast';

export function loadHighContrast(): boolean {
  try {
    return globalThis.localStorage?.getItem(CONTRAST_KEY) === 'high';
  } catch {
    return false;
  }
}

export function saveHighContrast(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(CONTRAST_KEY, 'high');
    else globalThis.localStorage?.removeItem(CONTRAST_KEY);
  } catch {
    // the setting then lasts until the page is closed
  }
}
