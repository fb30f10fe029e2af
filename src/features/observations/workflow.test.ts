import { describe, expect, it } from 'vitest';
import { nextSteps } from './workflow.ts';

describe('observation workflow', () => {
  it('offers exactly the transitions the database allows', () => {
    const allowed = ['nieuw', 'in_behandeling', 'opgelost', 'gesloten'].flatMap((from) =>
      nextSteps(from).map((s) => `${from}->${s.to}`),
    );
    // The same list as in private.check_observation (supabase/migrations/…_observations.sql).
    expect(allowed.sort()).toEqual(
      [
        'nieuw->in_behandeling',
        'nieuw->opgelost',
        'nieuw->gesloten',
        'in_behandeling->opgelost',
        'in_behandeling->gesloten',
        'opgelost->in_behandeling',
        'gesloten->in_behandeling',
      ].sort(),
    );
    expect(nextSteps('gesloten')[0]?.needsReason).toBe(false);
    expect(nextSteps('nieuw').find((s) => s.to === 'gesloten')?.needsReason).toBe(true);
  });
});
