/** Where the neighbourhood views live. */
export const neighbourhoodPaths = {
  map: '/buurten',
  compare: '/buurten/vergelijk',
  area: (code: string) => `/buurten/${encodeURIComponent(code)}`,
} as const;
