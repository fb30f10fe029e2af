/**
 * Green gardens, tenant grades and neighbourhood walks (issue 5).
 * Dutch first (B1: short sentences, everyday words, "je"); English typed against the Dutch keys.
 * Keys start with the area's prefixes so they never clash with another dictionary.
 */
export const nl = {} as const;

export const en: { readonly [K in keyof typeof nl]: string } = {};
