/** Small building blocks shared by the feature screens. */
export { DraftNotice } from './DraftNotice.tsx';
export { FormAlert } from './FormAlert.tsx';
export { focusNextHeading, Page } from './Page.tsx';
export { TextField } from './TextField.tsx';
export { lazyPage } from './lazyPage.ts';
