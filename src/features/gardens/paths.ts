export const gardenPaths = {
  list: '/groene-tuinen',
  new: '/groene-tuinen/nieuw',
  detail: (id: string) => `/groene-tuinen/${id}`,
  edit: (id: string) => `/groene-tuinen/${id}/wijzigen`,
} as const;
