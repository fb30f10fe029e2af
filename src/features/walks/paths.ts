export const walkPaths = {
  list: '/wijkschouw',
  new: '/wijkschouw/nieuw',
  detail: (id: string) => `/wijkschouw/${id}`,
  summary: (id: string) => `/wijkschouw/${id}/verslag`,
} as const;
