import { contract, isMethodName, type MethodName, type Output, type ParsedInput } from '../../../shared/contract/methods';
import { AppError, fail, ok, type FieldIssue, type Result } from '../../../shared/contract/result';

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

export interface DispatchOptions {
  /** Check outputs against the contract too (tests); a mismatch is a bug in the core. */
  checkOutputs?: boolean;
  log?: (message: string, error: unknown) => void;
}

/**
 * The one entry into the core for every transport. Validates the input against the contract
 * before a handler sees it, and turns every outcome into a Result: nothing thrown here ever
 * reaches IPC or HTTP.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}) {
  const log = options.log ?? ((m, e) => console.error(m, e));
  return async function dispatch(method: string, input: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `The app has no action called "${String(method).slice(0, 80)}".`);
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
      const first = issues[0];
      const where = first && first.path.length ? `${first.path.join('.')}: ` : '';
      return fail('INVALID_INPUT', `Some information needs correcting; nothing was saved. ${where}${first?.message ?? ''}`.trim(), issues);
    }
    try {
      const handler = handlers[method] as (i: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.checkOutputs) {
        const check = spec.output.safeParse(value);
        if (!check.success) throw new Error(`Output of ${method} breaks the contract: ${check.error.message}`);
      }
      return ok(value);
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toShape() };
      if (isBusy(e)) return fail('BUSY', 'The data file is busy with other work. Try again in a moment.');
      log(`${method} failed`, e);
      return fail('INTERNAL', 'Something went wrong inside the app; nothing was saved. Try again, and if it happens again, restart the app.');
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatch>;

const isBusy = (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && /^SQLITE_BUSY/.test(String((e as { code: unknown }).code));
