export const gardenPaths = {
  list: '/groene-tuinen',
  new: '/groene-tuinen/nieuw',
  edit: (id: string) => `/groene-tuinen/${id}`,
} as const;
