import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenTestReport } from '../../../electron/shared/ipc-contract';
import type { UserError } from '../../../electron/shared/user-error';
import { useApi } from '../api/api-context';
import { ErrorMessage } from '../common/error-message';
import { TestReportView } from '../common/test-report';
import { StepFrame } from './step-frame';
import type { SetupController } from './use-setup';

export function TestStep({ setup, tokenId }: { setup: SetupController; tokenId: string | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const [report, setReport] = useState<TokenTestReport | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef<string | null>(null);
  const { fail, markDone } = setup;

  const run = useCallback(async () => {
    if (!tokenId) return;
    setBusy(true);
    setError(null);
    const result = await api.testToken({ tokenId });
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
      // A token Slack refuses outright cannot be used; a token with one API refused still can.
      await (result.value.error ? fail('test') : markDone('test'));
    } else {
      setError(result.error);
      await fail('test');
    }
  }, [api, tokenId, fail, markDone]);

  // Test straight after sign-in (once per token), so the admin sees at once whether it works.
  useEffect(() => {
    if (!tokenId || started.current === tokenId) return;
    started.current = tokenId;
    void run();
  }, [tokenId, run]);

  if (!tokenId) {
    return (
      <StepFrame step="test">
        <p>{t('setup.test.noToken')}</p>
        <button type="button" className="button button--primary" onClick={() => void setup.open('sign-in')}>
          {t('setup.goBackTo', { step: t('setup.steps.sign-in') })}
        </button>
      </StepFrame>
    );
  }

  return (
    <StepFrame
      step="test"
      intro={t('setup.test.intro')}
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={() => void run()} disabled={busy}>
            {t('token.actions.test')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void setup.complete('test')} disabled={busy || (!report && !error)}>
            {t('common.continue')}
          </button>
        </>
      }
    >
      <p className={busy ? 'progress' : 'visually-hidden'} role="status">
        {busy ? (
          <>
            <span className="spinner" aria-hidden="true" />
            {t('setup.test.running')}
          </>
        ) : null}
      </p>
      {error ? (
        <ErrorMessage error={error}>
          <button type="button" className="button button--primary" onClick={() => void run()}>
            {t('common.tryAgain')}
          </button>
        </ErrorMessage>
      ) : null}
      {report && !busy ? <TestReportView report={report} /> : null}
    </StepFrame>
  );
}
