import {
  contract,
  fail,
  ok,
  type CuratorBridge,
  type EventName,
  type EventPayload,
  type MethodName,
  type ParsedInput,
  type Result,
} from '../../../shared/contract';
import { displayName, expertDefaults, type Expert, type ExpertFields, type PortfolioItem } from '../../../shared/model/expert';
import type { CountryCode } from '../../../shared/model/countries';
import taxonomyFile from '../../../resources/taxonomy.json' with { type: 'json' };

/**
 * An in-memory core for component tests: validates every input against the real contract
 * (so a wrong payload fails as it would in the app), keeps records and field history, and
 * emits `changed` after writes. Search is a plain substring match with diacritics folded.
 */

interface HistoryEntry {
  value: unknown;
  at: number;
  actor: string;
}

export interface FakeCall {
  method: MethodName;
  input: unknown;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const makeId = (n: number) => `0190a4c0-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export interface FakeExpertSeed extends Partial<ExpertFields> {
  givenName: string;
  country: CountryCode;
  status?: 'active' | 'archived';
}

export class FakeBridge implements CuratorBridge {
  readonly calls: FakeCall[] = [];
  readonly experts = new Map<string, Expert>();
  readonly history = new Map<string, Map<string, HistoryEntry[]>>();
  readonly photos = new Map<string, { mime: string; dataBase64: string }>();
  private listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private nextId = 1;
  private clock = Date.UTC(2026, 0, 15, 9, 30);
  /** Above this many matches, 'relevance' falls back to 'name', as the core does. */
  rankLimit = Infinity;
  /** Set to make the next call of a method fail with this error. */
  failNext: Partial<Record<MethodName, { code: 'INTERNAL' | 'NOT_FOUND' | 'INVALID_INPUT' | 'ATTACHMENT_INVALID'; message: string; issues?: { path: (string | number)[]; message: string }[] }>> = {};

  constructor(seeds: FakeExpertSeed[] = []) {
    for (const seed of seeds) this.insert(seed);
  }

  callsOf(method: MethodName): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }

  insert(seed: FakeExpertSeed, portfolio: Omit<PortfolioItem, 'id' | 'expertId'>[] = []): Expert {
    const id = makeId(this.nextId++);
    const at = (this.clock += 60_000);
    const { status = 'active', ...fields } = seed;
    const expert: Expert = {
      ...expertDefaults,
      ...fields,
      id,
      status,
      statusReason: '',
      createdAt: at,
      updatedAt: at,
      updatedBy: 'tester',
      portfolio: portfolio.map((p) => ({ ...p, id: makeId(this.nextId++), expertId: id })),
    };
    this.experts.set(id, expert);
    const fieldHistory = new Map<string, HistoryEntry[]>();
    for (const [name, value] of Object.entries(expert)) {
      if (['id', 'createdAt', 'updatedAt', 'updatedBy', 'portfolio'].includes(name)) continue;
      fieldHistory.set(name, [{ value, at, actor: 'tester' }]);
    }
    this.history.set(id, fieldHistory);
    return expert;
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  async invoke<M extends MethodName>(method: M, input: unknown): Promise<Result<never>> {
    this.calls.push({ method, input });
    const forced = this.failNext[method];
    if (forced) {
      delete this.failNext[method];
      return fail(forced.code, forced.message, forced.issues);
    }
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      return fail(
        'INVALID_INPUT',
        'Some of the input is not valid.',
        parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
      );
    }
    return this.handle(method, parsed.data as never) as Result<never>;
  }

  private changed() {
    queueMicrotask(() => this.emit('changed', { entities: ['experts'] }));
  }

  private record(id: string, fields: Record<string, unknown>) {
    const at = (this.clock += 60_000);
    const h = this.history.get(id)!;
    for (const [name, value] of Object.entries(fields)) {
      const entries = h.get(name) ?? [];
      entries.push({ value, at, actor: 'tester' });
      h.set(name, entries);
    }
    const expert = this.experts.get(id)!;
    const next = { ...expert, ...fields, updatedAt: at } as Expert;
    this.experts.set(id, next);
    return next;
  }

  private matches(e: Expert, query: string, filters: ParsedInput<'experts.search'>['filters']) {
    const q = fold(query.trim());
    const haystack = fold([displayName(e), ...e.otherNames, e.agency, e.position].join(' '));
    if (q && !q.split(/\s+/).every((word) => haystack.includes(word))) return false;
    if (filters.country.length && !filters.country.includes(e.country)) return false;
    if (filters.status.length && !filters.status.includes(e.status)) return false;
    if (filters.expertise.length && !filters.expertise.some((x) => e.expertise.includes(x))) return false;
    if (filters.language.length && !filters.language.some((x) => e.languages.some((l) => l.code === x))) return false;
    return true;
  }

  private handle(method: MethodName, input: never): Result<unknown> {
    switch (method) {
      case 'app.info':
        return ok({ version: '0.1.0-test', nodeId: 'node-test-1', actor: 'tester', expertCount: this.experts.size, mode: 'test', demoAllowed: true });
      case 'taxonomy.list':
        return ok({ terms: taxonomyFile.terms });
      case 'experts.search': {
        const { query, filters, sort, cursor, limit } = input as ParsedInput<'experts.search'>;
        const all = [...this.experts.values()].filter((e) => this.matches(e, query, filters));
        if (sort === 'updated') all.sort((a, b) => b.updatedAt - a.updatedAt);
        else all.sort((a, b) => displayName(a).localeCompare(displayName(b)));
        const start = cursor ? Number(cursor) : 0;
        const page = all.slice(start, start + limit);
        return ok({
          items: page.map((e) => ({
            id: e.id,
            displayName: displayName(e),
            honorific: e.honorific,
            country: e.country,
            agency: e.agency,
            position: e.position,
            status: e.status,
            expertise: e.expertise,
            photo: e.photo,
            updatedAt: e.updatedAt,
          })),
          total: all.length,
          sort: sort === 'relevance' && (!query.trim() || all.length > this.rankLimit) ? 'name' : sort,
          nextCursor: start + limit < all.length ? String(start + limit) : null,
        });
      }
      case 'experts.facets': {
        const { query, filters } = input as ParsedInput<'experts.facets'>;
        const all = [...this.experts.values()].filter((e) => this.matches(e, query, filters));
        const count = (values: string[]) => {
          const m = new Map<string, number>();
          for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
          return [...m].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
        };
        return ok({
          country: count(all.map((e) => e.country)),
          expertise: count(all.flatMap((e) => e.expertise)),
          language: count(all.flatMap((e) => e.languages.map((l) => l.code))),
          status: count(all.map((e) => e.status)),
        });
      }
      case 'experts.get': {
        const e = this.experts.get((input as { id: string }).id);
        return e ? ok(e) : fail('NOT_FOUND', 'No expert has this id.');
      }
      case 'experts.create': {
        const { expert, portfolio } = input as ParsedInput<'experts.create'>;
        const created = this.insert(expert as FakeExpertSeed, portfolio);
        this.changed();
        return ok(created);
      }
      case 'experts.update': {
        const { id, patch } = input as ParsedInput<'experts.update'>;
        if (!this.experts.has(id)) return fail('NOT_FOUND', 'No expert has this id.');
        const next = this.record(id, patch);
        this.changed();
        return ok(next);
      }
      case 'experts.archive':
      case 'experts.restore': {
        const { id, reason } = input as ParsedInput<'experts.archive'>;
        if (!this.experts.has(id)) return fail('NOT_FOUND', 'No expert has this id.');
        const next = this.record(id, { status: method === 'experts.archive' ? 'archived' : 'active', statusReason: reason });
        this.changed();
        return ok(next);
      }
      case 'experts.history': {
        const { id } = input as ParsedInput<'experts.history'>;
        const h = this.history.get(id);
        if (!h) return fail('NOT_FOUND', 'No expert has this id.');
        return ok({
          fields: [...h].map(([field, entries]) => ({
            entity: 'expert',
            recordId: id,
            field,
            entries: entries.map((e, i) => ({ value: e.value, hlc: `hlc-${e.at}-${i}`, origin: 'node-test-1', actor: e.actor, at: e.at, current: i === entries.length - 1 })),
          })),
        });
      }
      case 'portfolio.add': {
        const { expertId, item } = input as ParsedInput<'portfolio.add'>;
        const e = this.experts.get(expertId);
        if (!e) return fail('NOT_FOUND', 'No expert has this id.');
        const added = { ...item, id: makeId(this.nextId++), expertId };
        this.experts.set(expertId, { ...e, portfolio: [...e.portfolio, added] });
        this.changed();
        return ok(added);
      }
      case 'portfolio.update': {
        const { id, patch } = input as ParsedInput<'portfolio.update'>;
        for (const e of this.experts.values()) {
          const item = e.portfolio.find((p) => p.id === id);
          if (!item) continue;
          const next = { ...item, ...patch };
          this.experts.set(e.id, { ...e, portfolio: e.portfolio.map((p) => (p.id === id ? next : p)) });
          this.changed();
          return ok(next);
        }
        return fail('NOT_FOUND', 'No portfolio item has this id.');
      }
      case 'portfolio.remove': {
        const { id } = input as ParsedInput<'portfolio.remove'>;
        for (const e of this.experts.values()) {
          if (!e.portfolio.some((p) => p.id === id)) continue;
          this.experts.set(e.id, { ...e, portfolio: e.portfolio.filter((p) => p.id !== id) });
          this.changed();
          return ok({ id });
        }
        return fail('NOT_FOUND', 'No portfolio item has this id.');
      }
      case 'attachments.putPhoto': {
        const { mime, dataBase64 } = input as ParsedInput<'attachments.putPhoto'>;
        // PNG files start with \x89PNG; that is all the fake checks.
        if (!dataBase64.startsWith('iVBORw0KGgo')) return fail('ATTACHMENT_INVALID', 'This file is not a PNG, JPEG or WebP image.');
        const hash = (this.photos.size + 1).toString(16).padStart(64, 'a');
        this.photos.set(hash, { mime, dataBase64 });
        return ok({ hash, mime: 'image/png', size: Math.floor((dataBase64.length * 3) / 4) });
      }
      case 'demo.load': {
        const { experts } = input as ParsedInput<'demo.load'>;
        if (this.experts.size > 0) return fail('NOT_EMPTY', 'The database already holds experts; demo data goes only into an empty one.');
        for (let i = 0; i < experts; i++) this.insert({ givenName: `Demo ${i + 1}`, familyName: 'Expert', country: 'ID' });
        this.emit('progress', { task: 'demo', done: experts, total: experts, finished: true });
        this.changed();
        return ok({ created: experts });
      }
    }
  }
}
