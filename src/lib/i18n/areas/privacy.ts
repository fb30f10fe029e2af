/**
 * Privacy and accessibility statements, audit trail and data requests (issue 7).
 * Dutch first (B1: short sentences, everyday words, "je"); English typed against the Dutch keys.
 * Keys start with the area's prefixes so they never clash with another dictionary.
 */
export const nl = {
  'privacy.nav': 'Privacy en toegankelijkheid',
  'privacy.loginLink': 'Privacy en toegankelijkheid van Buurtpeil',
  'privacy.title': 'Privacy en toegankelijkheid',
  'privacy.intro':
    'Hier lees je wat Buurtpeil met je gegevens doet. En hoe goed je de app kunt gebruiken als je slecht ziet, slecht hoort of geen muis gebruikt.',
  'privacy.notice.title': 'Privacyverklaring',
  'privacy.notice.who':
    'Buurtpeil is van de gemeente Hoogeveen. De gemeente is verantwoordelijk voor je gegevens. Woningcorporaties, huurdersorganisaties en De Smederijen werken met de app samen met de gemeente.',
  'privacy.notice.what.title': 'Welke gegevens?',
  'privacy.notice.what':
    'Je naam, je e-mailadres, je organisatie en de buurten waar je werkt of woont. En wat je meldt: een beschrijving, de plek, foto’s en reacties.',
  'privacy.notice.why.title': 'Waarom?',
  'privacy.notice.why':
    'De gemeente en haar partners houden bij hoe het gaat in de buurten. Zo zien ze of de prestatieafspraken worden gehaald. Dat is een taak van de gemeente (algemeen belang).',
  'privacy.notice.who-sees.title': 'Wie ziet wat?',
  'privacy.notice.who-sees':
    'Huurders zien nooit wie iets gemeld heeft. Meldingen over overlast tussen buren of zorgen over iemand zien alleen de melder, het buurtteam en de gemeente. En de woningcorporatie als de melding aan haar is gegeven. Een plek zie je alleen precies bij je eigen meldingen.',
  'privacy.notice.photos.title': 'Foto’s',
  'privacy.notice.photos':
    'Foto’s worden op je telefoon kleiner gemaakt. Daarbij gaan de plek (GPS), het type camera en het tijdstip uit de foto. Die gegevens komen dus nooit op de server.',
  'privacy.notice.pdok.title': 'Adressen en kaarten',
  'privacy.notice.pdok':
    'Typ je een adres, dan zoekt de app dat op bij PDOK van het Kadaster (een dienst van de overheid). De kaarten komen ook van PDOK. PDOK ziet dan welk adres je zoekt en welk stuk kaart je bekijkt. Je naam krijgt PDOK niet.',
  'privacy.notice.keep.title': 'Hoe lang?',
  'privacy.notice.keep':
    'Gevoelige meldingen (overlast tussen buren, zorgsignalen) maken we anoniem als ze langer dan {months} maanden gesloten of verwijderd zijn. De beschrijving, de foto’s, de precieze plek, de reacties en de naam van de melder gaan dan weg. Alleen de telling blijft, voor de cijfers.',
  'privacy.notice.keepDefault':
    'Gevoelige meldingen (overlast tussen buren, zorgsignalen) maken we anoniem als ze een tijd gesloten of verwijderd zijn: standaard 12 maanden; de gemeente kan dit aanpassen. De beschrijving, de foto’s, de precieze plek, de reacties en de naam van de melder gaan dan weg. Alleen de telling blijft, voor de cijfers.',
  'privacy.notice.log.title': 'Logboek',
  'privacy.notice.log':
    'Elke wijziging wordt bijgehouden: wie, wanneer en wat. Alleen de gemeente kan dat logboek lezen. Niemand kan het veranderen.',
  'privacy.notice.rights.title': 'Je rechten',
  'privacy.notice.rights':
    'Je mag vragen welke gegevens we van je hebben. Je mag ook vragen om ze te verbeteren of te wissen. Stuur dan een e-mail naar privacy@hoogeveen.nl. Je krijgt binnen een maand antwoord.',
  'privacy.notice.complaint':
    'Ben je het niet eens met hoe we met je gegevens omgaan? Neem contact op met de functionaris gegevensbescherming van de gemeente (fg@hoogeveen.nl). Je mag ook een klacht indienen bij de Autoriteit Persoonsgegevens.',
  'a11y.title': 'Toegankelijkheidsverklaring',
  'a11y.goal':
    'De gemeente Hoogeveen wil dat iedereen Buurtpeil kan gebruiken. De app volgt de regels voor toegankelijkheid (WCAG 2.1, niveau AA).',
  'a11y.how.title': 'Wat we doen',
  'a11y.how':
    'Je kunt alles met het toetsenbord doen. Schermlezers lezen knoppen, velden en foutmeldingen voor. Knoppen zijn groot genoeg voor je vinger. Er is een stand met hoog contrast voor fel zonlicht. De teksten zijn kort en duidelijk.',
  'a11y.tested.title': 'Hoe we dat testen',
  'a11y.tested':
    'Elk scherm wordt bij elke nieuwe versie automatisch gecontroleerd op fouten in toegankelijkheid. Ook proberen we de app met het toetsenbord en met een schermlezer.',
  'a11y.known.title': 'Wat nog niet goed werkt',
  'a11y.known':
    'Een kaart kun je niet goed gebruiken met een schermlezer of alleen met het toetsenbord. Daarom staat bij elke kaart dezelfde informatie ook in een lijst. Een plek kiezen kan ook door een adres te typen.',
  'a11y.contact.title': 'Loop je vast?',
  'a11y.contact':
    'Kun je iets niet lezen of gebruiken? Laat het ons weten via toegankelijkheid@hoogeveen.nl of bel 14 0528. We helpen je en passen de app aan.',
  'privacy.back': 'Terug naar inloggen',

  'audit.nav': 'Logboek',
  'audit.title': 'Logboek van wijzigingen',
  'audit.intro':
    'Hier zie je wie wat heeft veranderd, en wanneer. Het logboek kan niet worden gewijzigd. Tekst die door de bewaartermijn of op verzoek is gewist, staat er als [verwijderd].',
  'audit.onlyMunicipality': 'Dit scherm is alleen voor de gemeente.',
  'audit.filter.table': 'Soort gegevens',
  'audit.filter.all': 'Alles',
  'audit.filter.from': 'Vanaf (datum)',
  'audit.filter.to': 'Tot en met (datum)',
  'audit.filter.submit': 'Tonen',
  'audit.filter.datesWrong': 'De begindatum ligt na de einddatum. Pas een van de twee aan.',
  'audit.loading': 'Bezig met ophalen…',
  'audit.count': '{count} wijzigingen (hoogstens {limit})',
  'audit.shown': 'Je ziet de eerste {shown} van de {count}. In de CSV staan ze allemaal.',
  'audit.more': 'Meer tonen',
  'audit.empty': 'Geen wijzigingen gevonden.',
  'audit.export': 'Downloaden als CSV',
  'audit.entry': '{operation} in {table}',
  'audit.by': 'Door: {who}',
  'audit.system': 'het systeem',
  'audit.reason.retention': 'Bewaartermijn',
  'audit.reason.erasure': 'Verzoek om te wissen',
  'audit.reason.purge': 'Opgeruimd (lang geleden verwijderd)',
  'audit.table.observations': 'Meldingen',
  'audit.table.observation_events': 'Reacties en statussen',
  'audit.table.garden_projects': 'Tuinprojecten',
  'audit.table.garden_project_events': 'Reacties op tuinprojecten',
  'audit.table.accessibility_checks': 'Toegankelijkheid van woningen',
  'audit.table.neighbourhood_grades': 'Rapportcijfers voor buurten',
  'audit.table.walks': 'Wijkschouwen',
  'audit.table.walk_participants': 'Deelnemers aan wijkschouwen',
  'audit.table.targets': 'Doelen',
  'audit.table.attachments': 'Foto’s',
  'audit.table.profiles': 'Mensen',
  'audit.table.profile_neighbourhoods': 'Wie werkt waar',
  'audit.table.organisations': 'Organisaties',
  'audit.table.neighbourhoods': 'Wijken en buurten',
  'audit.table.retention_policies': 'Bewaartermijn',
  'audit.role.gemeente': 'gemeente',
  'audit.role.smederij': 'buurtteam',
  'audit.role.huurder': 'huurder',
  'audit.role.corporatie': 'woningcorporatie',
  'audit.role.service_role': 'het systeem',
  'audit.op.insert': 'Nieuw',
  'audit.op.update': 'Gewijzigd',
  'audit.op.delete': 'Verwijderd',
  'audit.changes': 'Wat veranderde',
  'audit.failed':
    'Het logboek kon niet worden opgehaald. Controleer je internet en probeer het opnieuw.',

  'dsr.nav': 'Verzoeken over gegevens',
  'dsr.title': 'Verzoeken over persoonsgegevens',
  'dsr.intro':
    'Iemand vraagt welke gegevens Buurtpeil van hem of haar heeft (inzage), of vraagt om ze te wissen. Kies de persoon en kies wat je wilt doen.',
  'dsr.person': 'Persoon',
  'dsr.choose': 'Kies een persoon',
  'dsr.personMissing': 'Kies eerst een persoon.',
  'dsr.export': 'Gegevens downloaden (JSON)',
  'dsr.exported': 'De gegevens zijn gedownload.',
  'dsr.erase.title': 'Persoon anonimiseren',
  'dsr.erase.explain':
    'Dit gebeurt er. Het account gaat dicht: geen e-mailadres, wachtwoord of inlog meer. De naam en de buurten van de persoon gaan weg. Bij meldingen van deze persoon gaan de beschrijving, de precieze plek, de foto’s en de reacties weg. Open meldingen kunnen wel verder worden afgehandeld. Reacties van deze persoon worden leeggemaakt. Alle foto’s die deze persoon maakte worden gewist. Bij een wijkschouw van deze persoon gaan de naam en de notities weg, bij een tuinproject het adres. In het logboek gaan de naam en de teksten van deze persoon weg; wat anderen deden blijft staan. Aantallen, rapportcijfers en maatregelen blijven meetellen, zonder naam. Dit kan niet ongedaan worden gemaakt.',
  'dsr.erase.confirm': 'Ik weet zeker dat ik deze persoon wil anonimiseren',
  'dsr.erase.confirmMissing': 'Vink eerst aan dat je het zeker weet.',
  'dsr.erase.submit': 'Anonimiseren',
  'dsr.erase.busy': 'Bezig…',
  'dsr.erase.done':
    'Klaar. {observations} meldingen en {comments} reacties zijn geanonimiseerd, {photos} foto’s worden gewist.',
  'dsr.failed': 'Dat lukte niet: {message}',
} as const;

export const en: { readonly [K in keyof typeof nl]: string } = {
  'privacy.nav': 'Privacy and accessibility',
  'privacy.loginLink': 'Privacy and accessibility of Buurtpeil',
  'privacy.title': 'Privacy and accessibility',
  'privacy.intro':
    'What Buurtpeil does with your data, and how well you can use the app if you see or hear poorly or do not use a mouse.',
  'privacy.notice.title': 'Privacy notice',
  'privacy.notice.who':
    'Buurtpeil belongs to the municipality of Hoogeveen, which is responsible for your data. Housing corporations, tenant organisations and De Smederijen use the app together with the municipality.',
  'privacy.notice.what.title': 'Which data?',
  'privacy.notice.what':
    'Your name, email address, organisation and the neighbourhoods where you work or live. And what you report: a description, the place, photos and reactions.',
  'privacy.notice.why.title': 'Why?',
  'privacy.notice.why':
    'The municipality and its partners follow how the neighbourhoods are doing, to see whether the performance agreements are met. That is a task of the municipality (public interest).',
  'privacy.notice.who-sees.title': 'Who sees what?',
  'privacy.notice.who-sees':
    'Tenants never see who reported something. Reports about nuisance between neighbours or concerns about someone are seen only by the reporter, the neighbourhood team and the municipality, and by the housing corporation when the report is assigned to it. Exact places are shown only for your own reports.',
  'privacy.notice.photos.title': 'Photos',
  'privacy.notice.photos':
    'Photos are made smaller on your phone. That removes the place (GPS), the camera type and the time from the photo, so they never reach the server.',
  'privacy.notice.pdok.title': 'Addresses and maps',
  'privacy.notice.pdok':
    'When you type an address, the app looks it up at PDOK of the Kadaster (a government service). The maps come from PDOK too. PDOK sees which address you search and which part of the map you view. It does not get your name.',
  'privacy.notice.keep.title': 'How long?',
  'privacy.notice.keep':
    'Sensitive reports (nuisance between neighbours, care concerns) are made anonymous once they have been closed or deleted for more than {months} months. The description, photos, exact place, reactions and reporter are removed; only the count stays, for the figures.',
  'privacy.notice.keepDefault':
    'Sensitive reports (nuisance between neighbours, care concerns) are made anonymous some time after they are closed or deleted: 12 months by default; the municipality can change this. The description, photos, exact place, reactions and reporter are removed; only the count stays, for the figures.',
  'privacy.notice.log.title': 'Audit log',
  'privacy.notice.log':
    'Every change is recorded: who, when and what. Only the municipality can read that log, and nobody can change it.',
  'privacy.notice.rights.title': 'Your rights',
  'privacy.notice.rights':
    'You may ask which data we hold about you, and ask us to correct or erase it. Email privacy@hoogeveen.nl; you get an answer within a month.',
  'privacy.notice.complaint':
    'Do you disagree with how we handle your data? Contact the municipality’s data protection officer (fg@hoogeveen.nl). You may also complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
  'a11y.title': 'Accessibility statement',
  'a11y.goal':
    'The municipality of Hoogeveen wants everyone to be able to use Buurtpeil. The app follows the accessibility rules (WCAG 2.1, level AA).',
  'a11y.how.title': 'What we do',
  'a11y.how':
    'Everything works with the keyboard. Screen readers read buttons, fields and error messages aloud. Buttons are big enough for a finger. A high-contrast mode helps in bright sunlight. Texts are short and clear.',
  'a11y.tested.title': 'How we test it',
  'a11y.tested':
    'Every screen is checked automatically for accessibility errors with each new version. We also try the app with a keyboard and a screen reader.',
  'a11y.known.title': 'What does not work well yet',
  'a11y.known':
    'A map is hard to use with a screen reader or with the keyboard alone. So every map has the same information in a list too, and you can choose a place by typing an address.',
  'a11y.contact.title': 'Stuck?',
  'a11y.contact':
    'Can you not read or use something? Tell us at toegankelijkheid@hoogeveen.nl or call 14 0528. We will help you and improve the app.',
  'privacy.back': 'Back to log in',

  'audit.nav': 'Audit log',
  'audit.title': 'Log of changes',
  'audit.intro':
    'Who changed what, and when. The log cannot be changed. Text erased by the retention period or on request shows as [removed] ([verwijderd] in the technical data).',
  'audit.onlyMunicipality': 'This screen is for the municipality only.',
  'audit.filter.table': 'Kind of data',
  'audit.filter.all': 'Everything',
  'audit.filter.from': 'From (date)',
  'audit.filter.to': 'Up to and including (date)',
  'audit.filter.submit': 'Show',
  'audit.filter.datesWrong': 'The start date is after the end date. Change one of them.',
  'audit.loading': 'Loading…',
  'audit.count': '{count} changes (at most {limit})',
  'audit.shown': 'You see the first {shown} of {count}. The CSV has all of them.',
  'audit.more': 'Show more',
  'audit.empty': 'No changes found.',
  'audit.export': 'Download as CSV',
  'audit.entry': '{operation} in {table}',
  'audit.by': 'By: {who}',
  'audit.system': 'the system',
  'audit.reason.retention': 'Retention period',
  'audit.reason.erasure': 'Erasure request',
  'audit.reason.purge': 'Cleaned up (deleted long ago)',
  'audit.table.observations': 'Reports',
  'audit.table.observation_events': 'Reactions and statuses',
  'audit.table.garden_projects': 'Garden projects',
  'audit.table.garden_project_events': 'Reactions to garden projects',
  'audit.table.accessibility_checks': 'Accessibility of homes',
  'audit.table.neighbourhood_grades': 'Neighbourhood grades',
  'audit.table.walks': 'Neighbourhood walks',
  'audit.table.walk_participants': 'Walk participants',
  'audit.table.targets': 'Targets',
  'audit.table.attachments': 'Photos',
  'audit.table.profiles': 'People',
  'audit.table.profile_neighbourhoods': 'Who works where',
  'audit.table.organisations': 'Organisations',
  'audit.table.neighbourhoods': 'Districts and neighbourhoods',
  'audit.table.retention_policies': 'Retention period',
  'audit.role.gemeente': 'municipality',
  'audit.role.smederij': 'neighbourhood team',
  'audit.role.huurder': 'tenant',
  'audit.role.corporatie': 'housing corporation',
  'audit.role.service_role': 'the system',
  'audit.op.insert': 'New',
  'audit.op.update': 'Changed',
  'audit.op.delete': 'Deleted',
  'audit.changes': 'What changed',
  'audit.failed': 'The log could not be loaded. Check your connection and try again.',

  'dsr.nav': 'Data requests',
  'dsr.title': 'Requests about personal data',
  'dsr.intro':
    'Someone asks which data Buurtpeil holds about them (access), or asks for it to be erased. Choose the person and what to do.',
  'dsr.person': 'Person',
  'dsr.choose': 'Choose a person',
  'dsr.personMissing': 'Choose a person first.',
  'dsr.export': 'Download data (JSON)',
  'dsr.exported': 'The data has been downloaded.',
  'dsr.erase.title': 'Anonymise person',
  'dsr.erase.explain':
    'What happens: the account is closed (no email address, password or sign-in). The person’s name and neighbourhoods go. Their reports lose the description, exact place, photos and reactions; open reports can still be handled. Their reactions are emptied. Every photo they took is erased. Walks they planned lose their title and notes, garden projects they added lose the address. The audit log loses their name and texts; what others did stays. Counts, grades and measures keep counting, without a name. This cannot be undone.',
  'dsr.erase.confirm': 'I am sure I want to anonymise this person',
  'dsr.erase.confirmMissing': 'First tick that you are sure.',
  'dsr.erase.submit': 'Anonymise',
  'dsr.erase.busy': 'Working…',
  'dsr.erase.done':
    'Done. {observations} reports and {comments} reactions were anonymised; {photos} photos will be erased.',
  'dsr.failed': 'That did not work: {message}',
};
