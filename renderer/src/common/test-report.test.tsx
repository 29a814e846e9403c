// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TokenTestReport } from '../../../electron/shared/ipc-contract';
import { renderWithApp } from '../test-support/render';
import { TestReportView } from './test-report';

const report = (error: TokenTestReport['error']): TokenTestReport => ({
  tokenId: 'tok_12345678',
  testedAt: '2026-12-03T10:00:00.000Z',
  identity: null,
  error,
  grantedScopes: [],
  requestedScopes: ['admin'],
  missingScopes: [],
  apiChecks: [],
});

describe('TestReportView summary', () => {
  it('says Slack refused the token only when Slack did', () => {
    renderWithApp(<TestReportView report={report({ code: 'token-revoked', slackError: 'token_revoked' })} />);
    expect(screen.getByText('Slack does not accept this token.')).toBeInTheDocument();
  });

  it.each(['slack-server-error', 'unexpected-response', 'rate-limited', 'timeout', 'network'] as const)(
    'does not blame the token when Slack could not be reached (%s)',
    (code) => {
      renderWithApp(<TestReportView report={report({ code })} />);
      expect(screen.queryByText('Slack does not accept this token.')).toBeNull();
      expect(screen.getByText(/Slack could not be reached to check this token/)).toBeInTheDocument();
    },
  );
});
