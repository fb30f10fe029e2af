import type { Translation } from '../translate.ts';
import type { nl } from './privacy.nl.ts';

/** English texts of the area, typed against the Dutch ones. Loaded only when English is chosen. */
export const en: Translation<typeof nl> = {
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
