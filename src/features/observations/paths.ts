export const observationPaths = {
  list: '/waarnemingen',
  new: '/waarnemingen/nieuw',
  detail: (id: string) => `/waarnemingen/${id}`,
} as const;
