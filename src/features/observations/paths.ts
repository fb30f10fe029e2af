export const observationPaths = {
  list: '/waarnemingen',
  new: '/waarnemingen/nieuw',
} as const;
