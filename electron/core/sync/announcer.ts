/**
 * Collects the entities a sync cycle applied and announces them (the 'changed' event) as it goes,
 * at most once per `everyMs`, so the screens fill during a long first sync without each chunk
 * making them reload. Only what is already committed is added, so an announcement never names a
 * change a later rollback could take back; `flush` sends the rest at the end of a cycle, also when
 * the cycle failed part-way (what was applied before stays applied).
 */
export function createAnnouncer(changed: (entities: string[]) => void, now: () => number, everyMs: number) {
  let pending = new Set<string>();
  let last = -Infinity;
  const send = () => {
    last = now();
    const entities = [...pending];
    pending = new Set();
    changed(entities);
  };
  return {
    add(entities: Iterable<string>): void {
      for (const e of entities) pending.add(e);
    },
    /** Announces what is pending unless the last announcement was less than `everyMs` ago. */
    soon(): void {
      if (pending.size && now() - last >= everyMs) send();
    },
    flush(): void {
      if (pending.size) send();
    },
  };
}
