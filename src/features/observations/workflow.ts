import type { PlainKey } from '../../lib/i18n/index.ts';

export type ObservationStatus = 'nieuw' | 'in_behandeling' | 'opgelost' | 'gesloten';

export interface Step {
  to: ObservationStatus;
  label: PlainKey;
  /** Closing without action needs a reason (the database refuses it otherwise). */
  needsReason: boolean;
}

/**
 * The steps the workflow allows from a status, as the database's check_observation allows them:
 * new → in progress, solved or closed; in progress → solved or closed; solved or closed → in
 * progress again.
 */
export function nextSteps(status: string): Step[] {
  const start: Step = { to: 'in_behandeling', label: 'obs.actions.start', needsReason: false };
  const resolve: Step = { to: 'opgelost', label: 'obs.actions.resolve', needsReason: false };
  const close: Step = { to: 'gesloten', label: 'obs.actions.close', needsReason: true };
  const reopen: Step = { to: 'in_behandeling', label: 'obs.actions.reopen', needsReason: false };
  switch (status) {
    case 'nieuw':
      return [start, resolve, close];
    case 'in_behandeling':
      return [resolve, close];
    case 'opgelost':
    case 'gesloten':
      return [reopen];
    default:
      return [];
  }
}
