export const accessibilityPaths = {
  list: '/toegankelijkheid',
  new: '/toegankelijkheid/nieuw',
} as const;
