// Pure rules for moving through the guided setup: which step comes next, what the checklist shows,
// and what to forget when the admin goes back and changes an earlier answer.
import type { SetupProgress, SetupState, StepStatus } from '../../../electron/shared/ipc-contract';
import { STEP_ORDER } from './step-order';
import type { SetupStepId } from '../../../electron/shared/user-error';

/** The request schema is strict: only the progress fields may be sent back to main. */
export function toProgress(state: SetupProgress): SetupProgress {
  return {
    step: state.step,
    stepStatus: { ...state.stepStatus },
    selectedApis: [...state.selectedApis],
    adminScopes: [...state.adminScopes],
    discoveryWrite: state.discoveryWrite,
    extraScopes: [...state.extraScopes],
    userScopes: [...state.userScopes],
    clientId: state.clientId,
    rememberApp: state.rememberApp,
  };
}

export function stepIndex(step: SetupStepId): number {
  return STEP_ORDER.indexOf(step);
}

export function nextStepOf(step: SetupStepId): SetupStepId {
  return STEP_ORDER[Math.min(stepIndex(step) + 1, STEP_ORDER.length - 1)] ?? step;
}

export function previousStepOf(step: SetupStepId): SetupStepId {
  return STEP_ORDER[Math.max(stepIndex(step) - 1, 0)] ?? step;
}

/** What the checklist shows for a step. A failed step stays marked failed while it is open. */
export function displayStatus(state: Pick<SetupProgress, 'step' | 'stepStatus'>, step: SetupStepId): StepStatus {
  const stored = state.stepStatus[step];
  if (stored === 'failed') return 'failed';
  if (state.step === step) return 'current';
  return stored === 'done' ? 'done' : 'todo';
}

/** Done and failed steps can be reopened from the checklist; steps not reached yet cannot. */
export function canOpenStep(state: Pick<SetupProgress, 'step' | 'stepStatus'>, step: SetupStepId): boolean {
  if (state.step === step) return false;
  const status = displayStatus(state, step);
  return status === 'done' || status === 'failed';
}

function withCurrent(stepStatus: SetupProgress['stepStatus'], step: SetupStepId): SetupProgress['stepStatus'] {
  const status = stepStatus[step];
  return status === 'done' || status === 'failed' ? stepStatus : { ...stepStatus, [step]: 'current' };
}

function changes(state: SetupProgress, patch: Partial<SetupProgress>): boolean {
  return (Object.keys(patch) as (keyof SetupProgress)[]).some((key) => JSON.stringify(state[key]) !== JSON.stringify(patch[key]));
}

/**
 * Marks `step` done and opens the next one. Changing an earlier answer (or signing in again, which
 * makes a new token) puts every later step back to "to do": its result no longer holds.
 */
export function completeStep(state: SetupProgress, step: SetupStepId, patch: Partial<SetupProgress> = {}): SetupProgress {
  const next = nextStepOf(step);
  let stepStatus: SetupProgress['stepStatus'] = { ...state.stepStatus, [step]: 'done' };
  if (changes(state, patch) || step === 'sign-in') {
    for (const later of STEP_ORDER.slice(stepIndex(step) + 1)) delete stepStatus[later];
  }
  stepStatus = withCurrent(stepStatus, next);
  return toProgress({ ...state, ...patch, step: next, stepStatus });
}

export function openStep(state: SetupProgress, step: SetupStepId): SetupProgress {
  const stepStatus = { ...state.stepStatus };
  // Leaving a step that was only being looked at: it has not become done by being left.
  if (stepStatus[state.step] === 'current') delete stepStatus[state.step];
  return toProgress({ ...state, step, stepStatus: withCurrent(stepStatus, step) });
}

export function failStep(state: SetupProgress, step: SetupStepId): SetupProgress {
  return toProgress({ ...state, step, stepStatus: { ...state.stepStatus, [step]: 'failed' } });
}

/** Marks the step as current again after a failure the admin is retrying. */
export function clearFailure(state: SetupProgress, step: SetupStepId): SetupProgress {
  if (state.stepStatus[step] !== 'failed') return toProgress(state);
  return toProgress({ ...state, stepStatus: { ...state.stepStatus, [step]: 'current' } });
}

export function markDone(state: SetupProgress, step: SetupStepId): SetupProgress {
  return toProgress({ ...state, stepStatus: { ...state.stepStatus, [step]: 'done' } });
}

export function isSetupStarted(state: Pick<SetupState, 'step' | 'stepStatus'>): boolean {
  return state.step !== 'choose-apis' || Object.values(state.stepStatus).some((s) => s === 'done');
}

/** Where the admin stands: a finished setup is not one to "continue". */
export function setupPhase(state: Pick<SetupState, 'step' | 'stepStatus' | 'tokenId'>): 'fresh' | 'in-progress' | 'finished' {
  if (state.step === 'result' && state.tokenId) return 'finished';
  return isSetupStarted(state) ? 'in-progress' : 'fresh';
}
