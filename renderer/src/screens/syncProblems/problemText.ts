import type { SyncProblem } from '../../../../shared/contract';
import type { MessageKey, Translate } from '../../i18n';

/** Refusal codes this version can explain (DESIGN.md, Sync: refusal codes). */
const reasons: Record<string, MessageKey> = {
  INVALID_VALUE: 'problems.reason.INVALID_VALUE',
  UNKNOWN_ENTITY: 'problems.reason.UNKNOWN_ENTITY',
  UNKNOWN_FIELD: 'problems.reason.UNKNOWN_FIELD',
  ROLE: 'problems.reason.ROLE',
  OUT_OF_SCOPE: 'problems.reason.OUT_OF_SCOPE',
  UNKNOWN_ACTOR: 'problems.reason.UNKNOWN_ACTOR',
  IMMUTABLE: 'problems.reason.IMMUTABLE',
};

/**
 * Why the change was refused, in the curator's language, keyed by its stable code. A code
 * this version does not know (a newer server's) falls back to the refusing node's English
 * reason, which is always there.
 */
export function problemReason(problem: Pick<SyncProblem, 'code' | 'reason'>, t: Translate): string {
  const key = reasons[problem.code];
  return key ? t(key) : problem.reason;
}

/**
 * What the curator can do about it. A parked change needs an update whatever its code. Who
 * can act depends on who wrote it: a curator can re-enter a value they wrote, not someone
 * else's.
 */
export function problemTodo(problem: Pick<SyncProblem, 'code' | 'kind' | 'own'>, t: Translate): string {
  if (problem.kind === 'parked') return t('problems.todo.parked');
  const side = problem.own ? 'own' : 'other';
  switch (problem.code) {
    case 'INVALID_VALUE':
      return t(`problems.todo.INVALID_VALUE.${side}`);
    case 'UNKNOWN_ACTOR':
      return t(`problems.todo.UNKNOWN_ACTOR.${side}`);
    case 'ROLE':
      return t('problems.todo.ROLE');
    case 'OUT_OF_SCOPE':
      return t('problems.todo.OUT_OF_SCOPE');
    case 'IMMUTABLE':
      return t('problems.todo.IMMUTABLE');
    case 'UNKNOWN_ENTITY':
    case 'UNKNOWN_FIELD':
      // Rejected although the code says "unknown": the update came and the value still failed.
      return t(`problems.todo.INVALID_VALUE.${side}`);
    default:
      return t('problems.todo.fallback');
  }
}

const entities: Record<string, MessageKey> = {
  expert: 'problems.entity.expert',
  portfolio: 'problems.entity.portfolio',
  user: 'problems.entity.user',
  application: 'problems.entity.application',
  vetting_event: 'problems.entity.vetting_event',
  vetting_settings: 'problems.entity.vetting_settings',
};

/** "Expert", "Portfolio item"; an entity this version does not know is said to be one, with its name. */
export function entityName(entity: string, t: Translate): string {
  const key = entities[entity];
  return key ? t(key) : t('problems.entity.unknown', { entity });
}
