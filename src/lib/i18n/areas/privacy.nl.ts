/**
 * Dutch texts of the privacy area: privacy and accessibility statements, audit trail and data
 * requests (issue 7). They load with the screens that use them (see ./index.ts), not with the
 * first screen. Plain language (B1): short sentences, everyday words, "je". Every key starts
 * with one of the area's prefixes (./index.ts).
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
