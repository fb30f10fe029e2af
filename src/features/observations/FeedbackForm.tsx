import type { JSX } from 'solid-js';
import { t } from '../../lib/i18n/index.ts';
import { addEvent } from '../../sync/records.ts';
import { useSync } from '../sync/index.ts';
import { ReactionForm, type Reaction } from './ReactionForm.tsx';

/**
 * A tenant's reaction to an observation: good or not good, an optional grade 1–5 and a few words.
 * Big targets and plain words; saved on the device like everything else.
 */
export function FeedbackForm(props: { observationId: string; onSaved: () => void }): JSX.Element {
  const { device } = useSync();
  async function send(r: Reaction): Promise<boolean> {
    const d = device();
    if (!d) return false;
    await addEvent(d.ctx, {
      observation_id: props.observationId,
      kind: 'feedback',
      body: r.body,
      thumb: r.thumb,
      rating: r.rating,
    });
    void d.syncNow('write');
    props.onSaved();
    return true;
  }
  return (
    <ReactionForm
      id="feedback"
      title={t('obs.feedback.title')}
      requireThumb
      missing={t('obs.feedback.missing')}
      onSend={send}
    />
  );
}
