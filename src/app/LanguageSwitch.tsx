import type { JSX } from 'solid-js';
import { language, setLanguage, t } from '../lib/i18n/index.ts';

/**
 * One button that offers the other language, named in that language (as GOV.UK does for
 * Welsh): simpler than a menu for two languages, and readable for whoever needs it.
 */
export function LanguageSwitch(): JSX.Element {
  const other = () => (language() === 'nl' ? 'en' : 'nl');
  return (
    <button
      type="button"
      class="button button--quiet language-switch"
      lang={other()}
      onClick={() => setLanguage(other())}
    >
      {t(other() === 'en' ? 'language.en' : 'language.nl')}
    </button>
  );
}
