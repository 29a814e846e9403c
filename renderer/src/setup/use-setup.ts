// Loads the setup where the admin left it and saves after every step, so closing the app and
// opening it again resumes at the same place.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SetupProgress, SetupState } from '../../../electron/shared/ipc-contract';
import type { SetupStepId, UserError } from '../../../electron/shared/user-error';
import { useApi } from '../api/api-context';
import { clearFailure, completeStep, failStep, markDone, openStep } from './setup-progress';

export interface SetupController {
  state: SetupState;
  /** Saving failed: the admin can go on, but progress may not survive a restart. */
  saveError: UserError | null;
  complete: (step: SetupStepId, patch?: Partial<SetupProgress>) => Promise<void>;
  open: (step: SetupStepId) => Promise<void>;
  fail: (step: SetupStepId) => Promise<void>;
  clearFailure: (step: SetupStepId) => Promise<void>;
  markDone: (step: SetupStepId) => Promise<void>;
  /** Takes a state main returned from another call (credentials saved, setup reset). */
  replace: (state: SetupState) => void;
  patchLocal: (patch: Partial<SetupState>) => void;
}

export function useSetup(): { controller: SetupController | null; loadError: boolean } {
  const api = useApi();
  const [state, setState] = useState<SetupState | null>(null);
  const [saveError, setSaveError] = useState<UserError | null>(null);
  const [loadError, setLoadError] = useState(false);
  // Actions started before a re-render (a sign-in that takes minutes) must build on the newest
  // state, not on the one their closure saw.
  const latest = useRef<SetupState | null>(null);

  const commit = useCallback((next: SetupState | null) => {
    latest.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    let live = true;
    api.getSetupState({}).then(
      (s) => {
        if (live) commit(s);
      },
      () => {
        if (live) setLoadError(true);
      },
    );
    return () => {
      live = false;
    };
  }, [api, commit]);

  const save = useCallback(
    async (build: (current: SetupState) => SetupProgress | null) => {
      const current = latest.current;
      if (!current) return;
      const progress = build(current);
      if (!progress) return;
      commit({ ...current, ...progress });
      const result = await api.saveSetupProgress({ progress });
      if (result.ok) {
        commit(result.value);
        setSaveError(null);
      } else {
        setSaveError(result.error);
      }
    },
    [api, commit],
  );

  const controller = useMemo<SetupController | null>(() => {
    if (!state) return null;
    return {
      state,
      saveError,
      complete: (step, patch) => save((s) => completeStep(s, step, patch)),
      open: (step) => save((s) => openStep(s, step)),
      fail: (step) => save((s) => failStep(s, step)),
      clearFailure: (step) => save((s) => (s.stepStatus[step] === 'failed' ? clearFailure(s, step) : null)),
      markDone: (step) => save((s) => (s.stepStatus[step] === 'done' ? null : markDone(s, step))),
      replace: (next) => commit(next),
      patchLocal: (patch) => {
        if (latest.current) commit({ ...latest.current, ...patch });
      },
    };
  }, [state, saveError, save, commit]);

  return { controller, loadError };
}
