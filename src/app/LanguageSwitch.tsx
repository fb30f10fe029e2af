import type { JSX } from 'solid-js';
import { language, setLanguage, t } from '../lib/i18n/index.ts';

/**
 * One button that offers the other language, named in that language (as GOV.UK does for
 * Welsh): simpler than a menu for two languages, and readable for whoever needs it. The page
 * switches once the other language's texts are loaded (English is a chunk of its own); if they
 * cannot load, it stays as it is.
 */
export function LanguageSwitch(): JSX.Element {
  const other = () => (language() === 'nl' ? 'en' : 'nl');
  return (
    <button
      type="button"
      class="button button--quiet language-switch"
      lang={other()}
      onClick={() =>
        void setLanguage(other()).catch((e: unknown) => console.error('language switch failed', e))
      }
    >
      {t(other() === 'en' ? 'language.en' : 'language.nl')}
    </button>
  );
}
