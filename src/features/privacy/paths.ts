/** Where the privacy screens live. The statement is public; the rest is for the municipality. */
export const privacyPaths = {
  statement: '/privacy',
  audit: '/beheer/auditlog',
  requests: '/beheer/verzoeken',
} as const;
