import { json, type Handler } from './route.ts';

/** `GET /health`, as GoTrue answers it. */
export const health: Handler = async () =>
  json({
    version: 'local',
    name: 'GoTrue',
    description: 'GoTrue is a user registration and authentication API',
  });

/** OAuth providers GoTrue reports in `/settings`; none is configured on the local stack. */
const OAUTH_PROVIDERS = [
  'apple',
  'azure',
  'bitbucket',
  'discord',
  'facebook',
  'figma',
  'github',
  'gitlab',
  'google',
  'keycloak',
  'kakao',
  'linkedin',
  'linkedin_oidc',
  'notion',
  'spotify',
  'slack',
  'slack_oidc',
  'workos',
  'twitch',
  'twitter',
  'x',
  'zoom',
];

/**
 * `GET /settings`: what the project allows. Email sign-in (password and codes) with confirmation
 * required, as a hosted Supabase project starts; no phone, no anonymous users, no OAuth.
 */
export const settings: Handler = async () =>
  json({
    external: {
      anonymous_users: false,
      email: true,
      phone: false,
      ...Object.fromEntries(OAUTH_PROVIDERS.map((p) => [p, false])),
    },
    disable_signup: false,
    mailer_autoconfirm: false,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  });
