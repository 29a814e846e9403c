import { describe, expect, it } from 'vitest';
import { canOpenStep, completeStep, displayStatus, failStep, openStep, setupPhase, toProgress } from './setup-progress';
import { SETUP_STEPS } from '../../../electron/shared/ipc-contract';
import { setupState } from '../test-support/fake-api';
import { STEP_ORDER } from './step-order';

describe('setup progress', () => {
  it('walks the steps in the order the IPC contract defines', () => {
    expect([...STEP_ORDER]).toEqual([...SETUP_STEPS]);
  });

  it('sends main only the progress fields (its schema refuses unknown keys)', () => {
    const progress = toProgress(setupState({ hasClientSecret: true, tokenId: 'tok_12345678' }));
    expect(Object.keys(progress).sort()).toEqual(
      ['adminScopes', 'clientId', 'discoveryWrite', 'extraScopes', 'rememberApp', 'selectedApis', 'step', 'stepStatus', 'userScopes'].sort(),
    );
  });

  it('marks a step done and opens the next one', () => {
    const next = completeStep(setupState(), 'choose-apis', { selectedApis: ['scim'], userScopes: ['admin'] });
    expect(next.step).toBe('scopes');
    expect(next.stepStatus).toEqual({ 'choose-apis': 'done', scopes: 'current' });
    expect(next.selectedApis).toEqual(['scim']);
  });

  it('keeps later steps when going back changes nothing, and resets them when an answer changes', () => {
    const done = setupState({
      step: 'choose-apis',
      selectedApis: ['scim'],
      stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'done' },
    });
    expect(completeStep(done, 'choose-apis', { selectedApis: ['scim'] }).stepStatus).toEqual({
      'choose-apis': 'done',
      scopes: 'done',
      credentials: 'done',
    });
    expect(completeStep(done, 'choose-apis', { selectedApis: ['scim', 'audit-logs'] }).stepStatus).toEqual({
      'choose-apis': 'done',
      scopes: 'current',
    });
  });

  it('treats a new sign-in as a new token that must be tested again', () => {
    const state = setupState({ step: 'sign-in', stepStatus: { 'sign-in': 'current', test: 'done', result: 'done' } });
    expect(completeStep(state, 'sign-in').stepStatus).toEqual({ 'sign-in': 'done', test: 'current' });
  });

  it('shows failed, current, done and to-do, and lets only done or failed steps be reopened', () => {
    const state = setupState({ step: 'sign-in', stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'failed', 'sign-in': 'current' } });
    expect(displayStatus(state, 'choose-apis')).toBe('done');
    expect(displayStatus(state, 'credentials')).toBe('failed');
    expect(displayStatus(state, 'sign-in')).toBe('current');
    expect(displayStatus(state, 'test')).toBe('todo');
    expect(canOpenStep(state, 'scopes')).toBe(true);
    expect(canOpenStep(state, 'credentials')).toBe(true);
    expect(canOpenStep(state, 'sign-in')).toBe(false);
    expect(canOpenStep(state, 'test')).toBe(false);
  });

  it('reopens a done step without forgetting that it was done', () => {
    const state = setupState({ step: 'credentials', stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'current' } });
    const back = openStep(state, 'scopes');
    expect(back.step).toBe('scopes');
    expect(back.stepStatus).toEqual({ 'choose-apis': 'done', scopes: 'done' });
    expect(failStep(back, 'scopes').stepStatus.scopes).toBe('failed');
  });

  it('tells a fresh, an unfinished and a finished setup apart (home shows Start vs Continue)', () => {
    expect(setupPhase(setupState())).toBe('fresh');
    expect(setupPhase(setupState({ step: 'credentials', stepStatus: { 'choose-apis': 'done', scopes: 'done', credentials: 'current' } }))).toBe('in-progress');
    expect(setupPhase(setupState({ step: 'result', tokenId: 'tok_12345678', stepStatus: { test: 'done', result: 'current' } }))).toBe('finished');
  });
});
