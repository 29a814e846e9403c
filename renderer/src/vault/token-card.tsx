import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenSummary, TokenTestReport } from '../../../electron/shared/ipc-contract';
import { apiInfo } from '../../../electron/shared/scope-catalogue';
import type { UserError } from '../../../electron/shared/user-error';
import { useApi } from '../api/api-context';
import { useLanguage } from '../common/app-info-context';
import { ConfirmDialog } from '../common/dialog';
import { ErrorMessage } from '../common/error-message';
import { formatDateTime } from '../common/format';
import { MaskedToken } from '../common/masked-token';
import { ScopeChips } from '../common/scope-chips';
import { TestReportView } from '../common/test-report';
import { useCopyToken } from '../common/use-copy-token';
import { useReveal } from './use-reveal';

type Action = 'test' | 'revoke' | 'forget' | 'refresh';
type Notice = { key: string; values?: Record<string, string | number> };

function StatusPill({ token }: { token: TokenSummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const label =
    token.status === 'revoked'
      ? t('token.status.revokedAt', { when: formatDateTime(token.revokedAt, lang) })
      : t(`token.status.${token.status}`);
  return <span className={`status-pill status-pill--${token.status}`}>{label}</span>;
}

export function TokenCard({ token }: { token: TokenSummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const headingId = useId();
  const [busy, setBusy] = useState<Action | null>(null);
  const [dialog, setDialog] = useState<'revoke' | 'forget' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [failure, setFailure] = useState<{ action: Action; error: UserError } | null>(null);
  const [report, setReport] = useState<TokenTestReport | null>(null);
  const copy = useCopyToken(token.id);
  const reveal = useReveal(token.id);

  const run = async (action: Action) => {
    setBusy(action);
    setFailure(null);
    setNotice(null);
    try {
      if (action === 'test') {
        const result = await api.testToken({ tokenId: token.id });
        if (result.ok) {
          setReport(result.value);
          setNotice({ key: result.value.error ? 'token.testFailedNotice' : 'token.testDoneNotice' });
        } else setFailure({ action, error: result.error });
      } else if (action === 'revoke') {
        const result = await api.revokeToken({ tokenId: token.id });
        if (result.ok) setNotice({ key: result.value.verified ? 'token.revokedConfirmed' : 'token.revokedUnconfirmed' });
        else setFailure({ action, error: result.error });
      } else if (action === 'forget') {
        const result = await api.forgetToken({ tokenId: token.id });
        if (!result.ok) setFailure({ action, error: result.error });
      } else {
        const result = await api.refreshToken({ tokenId: token.id });
        if (result.ok) setNotice({ key: 'token.refreshed', values: { when: formatDateTime(result.value.expiresAt, lang) } });
        else setFailure({ action, error: result.error });
      }
    } finally {
      setBusy(null);
    }
  };

  const confirm = (which: 'revoke' | 'forget') => {
    setDialog(null);
    if (which === 'revoke') reveal.hide();
    void run(which);
  };

  const active = token.status === 'active';
  const usable = token.status === 'active' || token.status === 'revoke-failed';

  return (
    <article className={`token-card token-card--${token.status}`} aria-labelledby={headingId}>
      <header className="token-card__head">
        <h3 className="token-card__title" id={headingId}>
          <MaskedToken value={token.maskedToken} />
        </h3>
        <StatusPill token={token} />
      </header>

      {reveal.token ? (
        <div className="reveal" role="status">
          <code className="reveal__token">{reveal.token}</code>
          <p className="hint">{t('token.revealHidesIn', { seconds: reveal.secondsLeft })}</p>
        </div>
      ) : null}

      <dl className="facts">
        <div className="facts__row">
          <dt>{t('token.user')}</dt>
          <dd>
            {token.identity.userName ? `${token.identity.userName} ` : ''}
            <code>{token.identity.userId}</code>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('token.apis')}</dt>
          <dd>{token.apis.length > 0 ? token.apis.map((id) => apiInfo(id).title[lang]).join(', ') : t('common.none')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('token.scopes')}</dt>
          <dd>
            <details className="disclosure">
              <summary>{t('token.scopesSummary', { count: token.scopes.length })}</summary>
              <ScopeChips scopes={token.scopes} label={t('token.scopes')} />
            </details>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('token.created')}</dt>
          <dd>{formatDateTime(token.createdAt, lang)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('token.lastTested')}</dt>
          <dd>
            {token.lastTest
              ? t(token.lastTest.ok ? 'token.lastTestOk' : 'token.lastTestFailed', { when: formatDateTime(token.lastTest.at, lang) })
              : t('token.neverTested')}
          </dd>
        </div>
        {token.rotating ? (
          <div className="facts__row">
            <dt>{t('token.expires')}</dt>
            <dd>{token.expiresAt ? formatDateTime(token.expiresAt, lang) : t('common.unknown')}</dd>
          </div>
        ) : null}
      </dl>
      {token.inMemoryOnly ? <p className="field-warning">{t('token.inMemoryOnly')}</p> : null}

      {token.status === 'revoke-failed' && token.revokeError && !failure ? (
        <ErrorMessage error={token.revokeError} compact>
          <button type="button" className="button button--danger" onClick={() => void run('revoke')} disabled={busy !== null}>
            {t('token.actions.retryRevoke')}
          </button>
        </ErrorMessage>
      ) : null}

      <div className="token-card__actions">
        {usable ? (
          <>
            <button type="button" className="button button--secondary" onClick={() => void run('test')} disabled={busy !== null}>
              {t('token.actions.test')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void copy.copy()} disabled={busy !== null}>
              {t('token.actions.copy')}
            </button>
            {reveal.token ? (
              <button type="button" className="button button--secondary" onClick={reveal.hide}>
                {t('token.actions.hide')}
              </button>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => void reveal.reveal()} disabled={busy !== null}>
                {t('token.actions.reveal')}
              </button>
            )}
          </>
        ) : null}
        {token.rotating && token.status !== 'revoked' ? (
          <button type="button" className="button button--secondary" onClick={() => void run('refresh')} disabled={busy !== null}>
            {t('token.actions.refresh')}
          </button>
        ) : null}
        <span className="token-card__spacer" />
        {active ? (
          <button type="button" className="button button--danger" onClick={() => setDialog('revoke')} disabled={busy !== null}>
            {t('token.actions.revoke')}
          </button>
        ) : null}
        <button type="button" className="button button--ghost" onClick={() => setDialog('forget')} disabled={busy !== null}>
          {t('token.actions.forget')}
        </button>
      </div>

      <div className="token-card__feedback" role="status">
        {busy ? t(`token.busy.${busy}`) : ''}
        {!busy && notice ? t(notice.key, notice.values) : ''}
        {!busy && copy.copiedFor !== null && !notice ? t('token.copied', { seconds: copy.copiedFor }) : ''}
      </div>
      {copy.error ? <ErrorMessage error={copy.error} compact /> : null}
      {reveal.error ? <ErrorMessage error={reveal.error} compact /> : null}
      {failure ? (
        <ErrorMessage error={failure.error} compact>
          <button type="button" className="button button--secondary" onClick={() => void run(failure.action)} disabled={busy !== null}>
            {t('common.retry')}
          </button>
        </ErrorMessage>
      ) : null}
      {report ? (
        <details className="disclosure" open>
          <summary>{t('token.testDetails')}</summary>
          <TestReportView report={report} level={4} />
        </details>
      ) : null}

      {dialog === 'revoke' ? (
        <ConfirmDialog title={t('revokeDialog.title')} confirmLabel={t('revokeDialog.confirm')} onConfirm={() => confirm('revoke')} onCancel={() => setDialog(null)} danger>
          <p>{t('revokeDialog.stopsWorking')}</p>
          <p>{t(token.rotating ? 'revokeDialog.rotating' : 'revokeDialog.nonRotating')}</p>
          <p>{t('revokeDialog.orgApp')}</p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'forget' ? (
        <ConfirmDialog title={t('forgetDialog.title')} confirmLabel={t('forgetDialog.confirm')} onConfirm={() => confirm('forget')} onCancel={() => setDialog(null)}>
          <p>{t('forgetDialog.body')}</p>
          {active ? <p>{t('forgetDialog.stillWorks')}</p> : null}
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
