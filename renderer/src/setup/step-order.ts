// The setup steps in order. Kept here rather than imported from ipc-contract at run time, which
// would bundle zod (its request schemas) into the renderer; `satisfies` keeps the two identical.
import type { SETUP_STEPS } from '../../../electron/shared/ipc-contract';

export const STEP_ORDER = ['choose-apis', 'scopes', 'credentials', 'sign-in', 'test', 'result'] as const satisfies typeof SETUP_STEPS;
