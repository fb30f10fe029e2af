/**
 * The demo accounts that `supabase/seed.sql` creates, printed by the local stack on start and
 * checked by a contract test so the list, the seed and the README stay in step.
 */
export interface DemoUser {
  email: string;
  password: string;
  role: 'smederij' | 'huurder' | 'corporatie' | 'gemeente';
  organisation: string;
}

const PASSWORD = 'buurtpeil-demo';

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'gemeente@demo.buurtpeil.nl',
    password: PASSWORD,
    role: 'gemeente',
    organisation: 'Gemeente Hoogeveen',
  },
  {
    email: 'smederij@demo.buurtpeil.nl',
    password: PASSWORD,
    role: 'smederij',
    organisation: 'De Smederijen',
  },
  {
    email: 'woonconcept@demo.buurtpeil.nl',
    password: PASSWORD,
    role: 'corporatie',
    organisation: 'Woonconcept',
  },
  {
    email: 'domesta@demo.buurtpeil.nl',
    password: PASSWORD,
    role: 'corporatie',
    organisation: 'Domesta',
  },
  {
    email: 'actium@demo.buurtpeil.nl',
    password: PASSWORD,
    role: 'corporatie',
    organisation: 'Actium',
  },
  { email: 'huurder@demo.buurtpeil.nl', password: PASSWORD, role: 'huurder', organisation: 'SHDH' },
];
