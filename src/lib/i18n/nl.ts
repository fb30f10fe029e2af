/**
 * Dutch texts: the source language. Plain language (B1): short sentences, everyday words,
 * "je" not "u". Placeholders are written `{name}` and filled in by `t()`.
 */
export const nl = {
  'app.name': 'Buurtpeil',
  'app.skipToContent': 'Direct naar de inhoud',
  'app.pageTitle': '{page} – Buurtpeil',

  'nav.label': 'Hoofdmenu',
  'nav.open': 'Menu',
  'nav.home': 'Start',
  'nav.signOut': 'Uitloggen',

  'language.nl': 'Nederlands',
  'language.en': 'English',

  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.offlineExplained': 'Je bent offline. Je werk wordt op dit toestel bewaard.',

  'update.available': 'Er is een nieuwe versie van Buurtpeil.',
  'update.reload': 'Herladen',
  'update.later': 'Later',

  'config.title': 'Buurtpeil kan niet starten',
  'config.body':
    'De app is niet goed ingesteld. Het adres van de server of de sleutel ontbreekt. Neem contact op met de beheerder.',
  'config.missing': 'Dit ontbreekt: {names}',

  'notFound.title': 'Pagina niet gevonden',
  'notFound.body': 'Deze pagina bestaat niet (meer).',
  'notFound.home': 'Naar de startpagina',

  'auth.title': 'Inloggen',
  'auth.intro': 'Log in met je e-mailadres en wachtwoord.',
  'auth.email': 'E-mailadres',
  'auth.password': 'Wachtwoord',
  'auth.showPassword': 'Wachtwoord laten zien',
  'auth.submit': 'Inloggen',
  'auth.busy': 'Bezig met inloggen…',
  'auth.useCode': 'Inloggen met een code per e-mail',
  'auth.usePassword': 'Inloggen met wachtwoord',
  'auth.code.title': 'Inloggen met een code',
  'auth.code.intro': 'Vul je e-mailadres in. Je krijgt dan een e-mail met een code van 6 cijfers.',
  'auth.code.send': 'Stuur mij een code',
  'auth.code.sending': 'Bezig met versturen…',
  'auth.code.sent':
    'We hebben een e-mail gestuurd naar {email}, als dit adres bij Buurtpeil bekend is. Kijk ook in je map met ongewenste e-mail.',
  'auth.code.label': 'Code uit de e-mail (6 cijfers)',
  'auth.code.submit': 'Inloggen',
  'auth.code.again': 'Andere code of ander e-mailadres',
  'auth.signedOut': 'Je bent uitgelogd.',

  'auth.error.emailMissing': 'Vul je e-mailadres in.',
  'auth.error.emailInvalid': 'Dit e-mailadres klopt niet. Een voorbeeld: naam@voorbeeld.nl',
  'auth.error.passwordMissing': 'Vul je wachtwoord in.',
  'auth.error.codeInvalid': 'Vul de 6 cijfers uit de e-mail in.',
  'auth.error.invalidCredentials': 'Het e-mailadres of het wachtwoord klopt niet.',
  'auth.error.invalidCode': 'Deze code klopt niet of is verlopen. Vraag een nieuwe code aan.',
  'auth.error.rateLimited': 'Je hebt het te vaak geprobeerd. Wacht een paar minuten.',
  'auth.error.offline': 'Je bent offline. Inloggen lukt alleen met internet.',
  'auth.error.signOutOffline':
    'Je bent offline. Uitloggen kan weer als je internet hebt. Zo gaat er geen werk verloren.',
  'auth.error.unknown': 'Er ging iets mis. Probeer het later nog eens.',
  'auth.error.summary': 'Er is iets niet goed ingevuld.',

  'home.title': 'Welkom bij Buurtpeil',
  'home.signedInAs': 'Je bent ingelogd als {email}.',
  'home.intro': 'Wat wil je doen?',

  'feature.observations': 'Waarnemingen',
  'feature.observations.summary': 'Meld wat je ziet in de buurt: schoon, heel, veilig en groen.',
  'feature.gardens': 'Groene tuinen',
  'feature.gardens.summary': 'Volg tuinen die groener worden: minder tegels, meer groen.',
  'feature.accessibility': 'Toegankelijkheid',
  'feature.accessibility.summary': 'Kijk of een woning zonder trap te gebruiken is.',
  'feature.neighbourhoods': 'Buurten',
  'feature.neighbourhoods.summary': 'Bekijk per buurt hoe het gaat met de afspraken.',
  'feature.comingSoon': 'Dit onderdeel komt binnenkort.',
  'feature.backHome': 'Terug naar de startpagina',
} as const;
