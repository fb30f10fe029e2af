import type { Messages } from './translate.ts';

/** English texts. Typed against the Dutch ones, so a missing or extra key fails the build. */
export const en: Messages = {
  'app.name': 'Buurtpeil',
  'app.skipToContent': 'Skip to content',
  'app.pageTitle': '{page} – Buurtpeil',

  'nav.label': 'Main menu',
  'nav.open': 'Menu',
  'nav.home': 'Home',
  'nav.signOut': 'Sign out',

  'language.nl': 'Nederlands',
  'language.en': 'English',

  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.offlineExplained': 'You are offline. Your work is saved on this device.',

  'update.available': 'There is a new version of Buurtpeil.',
  'update.reload': 'Reload',
  'update.later': 'Later',

  'config.title': 'Buurtpeil cannot start',
  'config.body':
    'The app is not set up correctly. The server address or the key is missing. Please contact the administrator.',
  'config.missing': 'Missing: {names}',

  'notFound.title': 'Page not found',
  'notFound.body': 'This page does not exist (any more).',
  'notFound.home': 'Go to the home page',

  'auth.title': 'Sign in',
  'auth.intro': 'Sign in with your email address and password.',
  'auth.email': 'Email address',
  'auth.password': 'Password',
  'auth.showPassword': 'Show password',
  'auth.submit': 'Sign in',
  'auth.busy': 'Signing in…',
  'auth.useCode': 'Sign in with a code by email',
  'auth.usePassword': 'Sign in with a password',
  'auth.code.title': 'Sign in with a code',
  'auth.code.intro': 'Enter your email address. We will email you a code of 6 digits.',
  'auth.code.send': 'Send me a code',
  'auth.code.sending': 'Sending…',
  'auth.code.sent':
    'We have sent an email to {email}, if Buurtpeil knows this address. Please also check your spam folder.',
  'auth.code.label': 'Code from the email (6 digits)',
  'auth.code.submit': 'Sign in',
  'auth.code.again': 'Another code or email address',
  'auth.signedOut': 'You are signed out.',

  'auth.error.emailMissing': 'Enter your email address.',
  'auth.error.emailInvalid': 'This email address is not valid. An example: name@example.com',
  'auth.error.passwordMissing': 'Enter your password.',
  'auth.error.codeInvalid': 'Enter the 6 digits from the email.',
  'auth.error.invalidCredentials': 'The email address or the password is not correct.',
  'auth.error.invalidCode': 'This code is not correct or has expired. Ask for a new code.',
  'auth.error.rateLimited': 'Too many attempts. Please wait a few minutes.',
  'auth.error.offline': 'You are offline. Signing in needs an internet connection.',
  'auth.error.signOutOffline':
    'You are offline. You can sign out once you are online again, so no work is lost.',
  'auth.error.unknown': 'Something went wrong. Please try again later.',
  'auth.error.summary': 'Something is not filled in correctly.',

  'home.title': 'Welcome to Buurtpeil',
  'home.signedInAs': 'You are signed in as {email}.',
  'home.intro': 'What would you like to do?',

  'feature.observations': 'Observations',
  'feature.observations.summary':
    'Report what you see in the neighbourhood: clean, intact, safe, green.',
  'feature.gardens': 'Green gardens',
  'feature.gardens.summary': 'Follow gardens that turn greener: fewer tiles, more plants.',
  'feature.accessibility': 'Accessibility',
  'feature.accessibility.summary': 'Check whether a home can be used without stairs.',
  'feature.neighbourhoods': 'Neighbourhoods',
  'feature.neighbourhoods.summary': 'See per neighbourhood how the agreements are going.',
  'feature.comingSoon': 'This part is coming soon.',
  'feature.backHome': 'Back to the home page',
};
