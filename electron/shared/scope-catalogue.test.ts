import { describe, expect, it } from 'vitest';
import { API_IDS } from './ipc-contract';
import {
  ADMIN_RESOURCES,
  API_CATALOGUE,
  DEFAULT_ADMIN_SCOPE,
  KNOWN_SCOPES,
  SCOPE_CATALOGUE,
  apiInfo,
  parseExtraScopes,
  scopesForSelection,
} from './scope-catalogue';

const none = { apis: [], discoveryWrite: false, adminScopes: [], extraScopes: [] } as const;

describe('API catalogue', () => {
  it('describes each of the four APIs in English and Korean', () => {
    expect(API_CATALOGUE.map((a) => a.id).sort()).toEqual([...API_IDS].sort());
    for (const api of API_CATALOGUE) {
      for (const field of [api.title, api.purpose, api.whoCanSetUp]) {
        expect(field.en.trim()).not.toBe('');
        expect(field.ko.trim()).not.toBe('');
      }
      expect(KNOWN_SCOPES.has(api.probe.requiresScope)).toBe(true);
    }
  });

  it('says who can set each API up, as Slack requires', () => {
    expect(apiInfo('scim').whoCanSetUp.en).toMatch(/Org Owner/);
    expect(apiInfo('audit-logs').whoCanSetUp.en).toMatch(/only with an Org Owner/);
    expect(apiInfo('discovery').whoCanSetUp.en).toMatch(/Slack must first turn on Discovery/);
    expect(apiInfo('admin-api').whoCanSetUp.en).toMatch(/Channel Management role/);
  });

  it('gives every scope a description in both languages', () => {
    for (const s of SCOPE_CATALOGUE) {
      expect(s.description.en.trim(), s.scope).not.toBe('');
      expect(s.description.ko.trim(), s.scope).not.toBe('');
    }
  });

  it('models read-only and write-only Admin API scopes as empty grid cells', () => {
    const row = (id: string) => ADMIN_RESOURCES.find((r) => r.id === id);
    expect(row('analytics')?.write).toBeNull();
    expect(row('analytics')?.read?.scope).toBe('admin.analytics:read');
    expect(row('app-activities')?.write).toBeNull();
    expect(row('conversations-objects')?.read).toBeNull();
    expect(row('conversations-objects')?.write?.scope).toBe('admin.conversations:manage_objects');
    for (const r of ['apps', 'conversations', 'invites', 'teams', 'usergroups', 'users', 'workflows', 'barriers', 'roles', 'chat']) {
      expect(row(r)?.read?.scope).toBe(`admin.${r}:read`);
      expect(row(r)?.write?.scope).toBe(`admin.${r}:write`);
    }
  });
});

describe('scopesForSelection', () => {
  it('asks for nothing when nothing is chosen', () => {
    expect(scopesForSelection(none)).toEqual([]);
  });

  it('uses each API preset, sorted and without duplicates', () => {
    expect(scopesForSelection({ ...none, apis: ['scim', 'audit-logs', 'discovery'], extraScopes: ['admin'] })).toEqual([
      'admin',
      'auditlogs:read',
      'discovery:read',
    ]);
  });

  it('adds discovery:write only when asked, and only with Discovery chosen', () => {
    expect(scopesForSelection({ ...none, apis: ['discovery'], discoveryWrite: true })).toEqual(['discovery:read', 'discovery:write']);
    expect(scopesForSelection({ ...none, apis: ['scim'], discoveryWrite: true })).toEqual(['admin']);
  });

  it('asks for admin.teams:read when the Admin API grid is empty, so the test can work', () => {
    expect(scopesForSelection({ ...none, apis: ['admin-api'] })).toEqual([DEFAULT_ADMIN_SCOPE]);
  });

  it('uses the ticked grid scopes instead of the default, and drops grid scopes when the Admin API is not chosen', () => {
    const adminScopes = ['admin.users:write', 'admin.apps:read', 'not-an-admin-scope'];
    expect(scopesForSelection({ ...none, apis: ['admin-api'], adminScopes })).toEqual(['admin.apps:read', 'admin.users:write']);
    expect(scopesForSelection({ ...none, apis: ['scim'], adminScopes })).toEqual(['admin']);
  });

  it('adds extra scopes whatever is chosen', () => {
    expect(scopesForSelection({ ...none, apis: ['scim'], extraScopes: ['users:read', 'channels:read'] })).toEqual([
      'admin',
      'channels:read',
      'users:read',
    ]);
  });
});

describe('parseExtraScopes', () => {
  it('splits on commas and whitespace and drops duplicates', () => {
    expect(parseExtraScopes(' admin.users:read,\n auditlogs:read  admin.users:read ,, ')).toEqual({
      scopes: ['admin.users:read', 'auditlogs:read'],
      unknown: [],
      invalid: [],
    });
  });

  it('warns about well-formed scopes it does not know, but keeps them', () => {
    expect(parseExtraScopes('users:read.email, admin.calls:read')).toEqual({
      scopes: ['users:read.email', 'admin.calls:read'],
      unknown: ['users:read.email', 'admin.calls:read'],
      invalid: [],
    });
  });

  it('refuses what cannot be a scope', () => {
    const parsed = parseExtraScopes('Admin.Users:Read users:read? 1abc https://x xoxp-1');
    expect(parsed.scopes).toEqual([]);
    expect(parsed.invalid).toEqual(['Admin.Users:Read', 'users:read?', '1abc', 'https://x', 'xoxp-1']);
  });

  it('returns nothing for an empty field', () => {
    expect(parseExtraScopes('   ')).toEqual({ scopes: [], unknown: [], invalid: [] });
  });
});
