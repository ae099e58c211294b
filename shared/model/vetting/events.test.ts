import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../canonical';
import { nextEvent } from './build';
import { eventFields, eventFromRecord, eventFromRecordText, eventHash, wholeEventProblem } from './events';
import { APP_ID, eventId } from './samples';

const submitted = () => nextEvent({ heads: [] }, { id: eventId(1), applicationId: APP_ID, type: 'submitted', payload: {}, at: 1_700_000_000_000, by: 'curator-1' });

describe('vetting events read and checked again', () => {
  it('reads a stored event back from its text as from its parsed fields, checked or not before', () => {
    const event = submitted();
    const text = canonicalJson(eventFields(event));
    expect(eventFromRecordText(event.id, text)).toEqual(eventFromRecord(event.id, JSON.parse(text)));
    expect(wholeEventProblem(event.id, eventFields(event))).toBeNull();
    expect(eventFromRecordText(event.id, text)).toEqual(event);
    expect(eventHash(event)).toBe(event.hash);
  });

  it('refuses a malformed event whatever was checked before: the verdict is the content’s, under its id', () => {
    const event = submitted();
    const fields = eventFields(event);
    expect(wholeEventProblem(event.id, fields)).toBeNull();
    // The same content under another id that is not one, and other content under the same id.
    expect(wholeEventProblem('not-an-id', fields)).toMatch(/^id:/);
    expect(eventFromRecordText('not-an-id', canonicalJson(fields))).toBeNull();
    const altered = { ...fields, type: 'decided' };
    expect(wholeEventProblem(event.id, altered)).not.toBeNull();
    expect(eventFromRecordText(event.id, canonicalJson(altered))).toBeNull();
    expect(eventFromRecordText(event.id, '[]')).toBeNull();
    expect(eventFromRecordText(event.id, 'null')).toBeNull();
    // An altered event no longer matches its hash, however often the original was hashed.
    expect(eventHash({ ...event, at: event.at + 1 })).not.toBe(event.hash);
  });
});
