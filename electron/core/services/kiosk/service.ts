import { AppError } from '../../../../shared/contract/result';
import { applicationDefaults, applicationFieldsSchema, declarationKinds, type ApplicationCreate, type AttachmentRef } from '../../../../shared/model/vetting/application';
import { canEditApplication } from '../../../../shared/model/vetting/roles';
import { putAttachment } from '../attachments';
import { decodeBase64 } from '../attachments/photos';
import type { VettingContext } from '../vetting/context';
import { submitApplication } from '../vetting/append';
import { checkAttachments } from '../vetting/applications';
import { hashPin, pinMatches } from './pin';
import { applicationReference } from '../../../../shared/model/vetting/reference';
import { readKioskState, writeKioskState, type KioskState } from './state';

/**
 * The workshop kiosk: a curator hands their laptop to applicants, who fill in the application
 * form and nothing else. While it is on, the dispatch answers only the kiosk's methods
 * (lock.ts); here are those methods. Applications are written as the curator who started the
 * kiosk (their profile at that moment), with source 'kiosk'. Leaving needs the curator's PIN;
 * after FREE_TRIES wrong ones, each further wrong one locks PIN entry for longer.
 */

export const FREE_TRIES = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 15 * 60_000;

export interface KioskStatus {
  active: boolean;
  lang: 'en' | 'id' | null;
  submitted: number;
}

type KioskFields = Omit<ApplicationCreate, 'source'>;

const wrongPinSentence = (left: number) =>
  left > 0
    ? `That PIN is not the one the kiosk was started with. ${left} ${left === 1 ? 'try is' : 'tries are'} left before PIN entry pauses.`
    : 'That PIN is not the one the kiosk was started with. PIN entry now pauses before each new try.';

export class KioskService {
  private state: KioskState | null;

  constructor(private readonly ctx: VettingContext) {
    this.state = readKioskState(ctx.db);
  }

  active(): boolean {
    return this.state !== null;
  }

  status(): KioskStatus {
    return { active: this.state !== null, lang: this.state?.lang ?? null, submitted: this.state?.submitted ?? 0 };
  }

  async start(pin: string, lang: 'en' | 'id'): Promise<KioskStatus> {
    if (this.state) throw new AppError('NOT_ALLOWED', 'The kiosk is on already. Only the curator who started it can leave it, with the PIN.');
    const who = this.ctx.requireActor();
    if (who.role === 'reviewer') {
      throw new AppError('NOT_ALLOWED', 'A reviewer cannot take applications. Ask a curator or your focal point to start the kiosk. It was not started.');
    }
    const { salt, hash } = await hashPin(pin);
    this.save({ lang, salt, hash, by: { id: who.id, name: who.name, role: who.role, country: who.country }, startedAt: this.ctx.now(), submitted: 0, failures: 0, lockedUntil: 0 });
    return this.status();
  }

  async exit(pin: string): Promise<KioskStatus> {
    const state = this.requireActive();
    const now = this.ctx.now();
    if (now < state.lockedUntil) {
      const seconds = Math.ceil((state.lockedUntil - now) / 1000);
      throw new AppError('KIOSK_PIN_LOCKED', `Too many wrong PINs. Wait ${seconds} seconds, then enter the PIN again.`, undefined, { retryAt: state.lockedUntil });
    }
    if (await pinMatches(pin, state)) {
      this.save(null);
      return this.status();
    }
    const failures = state.failures + 1;
    const over = failures - FREE_TRIES;
    const lockedUntil = over >= 0 ? now + Math.min(FIRST_LOCK_MS * 2 ** over, LONGEST_LOCK_MS) : 0;
    this.save({ ...state, failures, lockedUntil });
    throw new AppError('KIOSK_PIN_WRONG', wrongPinSentence(Math.max(0, FREE_TRIES - failures)), undefined, {
      triesLeft: Math.max(0, FREE_TRIES - failures),
      ...(lockedUntil ? { retryAt: lockedUntil } : {}),
    });
  }

  /** Checks the file by its bytes and stores it; a refused file stores nothing. */
  async putAttachment(name: string, dataBase64: string): Promise<AttachmentRef> {
    this.requireActive();
    let bytes: Buffer;
    try {
      bytes = decodeBase64(dataBase64);
    } catch {
      throw new AppError('ATTACHMENT_TYPE', `The file ${name} could not be read. Choose it again.`);
    }
    return putAttachment(this.ctx.db, name, bytes, this.ctx.now());
  }

  /** Writes the application and its `submitted` event; answers with the reference the applicant keeps. */
  submit(input: KioskFields): { reference: string } {
    const state = this.requireActive();
    // What only the secretariat sets is never taken from the kiosk's form.
    const fields = { ...applicationDefaults, ...input, source: 'kiosk' as const, importKey: null, matchedExpertId: null, duplicateMarks: [], deletedAt: null };
    const unsigned = declarationKinds.filter((kind) => !fields.declarations[kind]);
    if (unsigned.length > 0) {
      throw new AppError(
        'INVALID_INPUT',
        'Sign each declaration by typing your name under it; the application was not sent.',
        unsigned.map((kind) => ({ path: ['fields', 'declarations', kind], message: 'Type your name to sign.' })),
      );
    }
    checkAttachments(this.ctx.db, fields);
    if (!canEditApplication(state.by, fields)) {
      throw new AppError('NOT_ALLOWED', 'This kiosk takes applications nominated by its focal point’s own country only. Choose that member state as the nominating one, or ask the secretariat.');
    }
    const checked = applicationFieldsSchema.parse(fields);
    const { id } = submitApplication(this.ctx, state.by, checked);
    this.save({ ...state, submitted: state.submitted + 1 });
    return { reference: applicationReference(id) };
  }

  private requireActive(): KioskState {
    if (!this.state) throw new AppError('NOT_ALLOWED', 'The kiosk is not on. A curator starts it from Applications.');
    return this.state;
  }

  private save(state: KioskState | null) {
    writeKioskState(this.ctx.db, state);
    this.state = state;
  }
}
