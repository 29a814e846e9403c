// Handlers answer with a Result; an unexpected exception becomes `internal` here, because a
// thrown Error's text could carry details (even a secret) across IPC.
import type { Result } from '../../shared/ipc-contract';

export async function neverThrow<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch {
    return { ok: false, error: { code: 'internal' } };
  }
}
