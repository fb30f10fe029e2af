import { RETURN_PARAM } from './rules.ts';

export const authPaths = {
  login: '/inloggen',
  loginWithCode: '/inloggen/code',
} as const;

/** The login page, remembering where the person was going. */
export function loginHref(returnTo: string): string {
  if (returnTo === '/' || returnTo.startsWith(authPaths.login)) return authPaths.login;
  return `${authPaths.login}?${new URLSearchParams({ [RETURN_PARAM]: returnTo }).toString()}`;
}
