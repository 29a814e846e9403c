// What a token test found, in plain words: whose token it is, which scopes Slack granted, and
// for each chosen API whether it works, was refused (and why), or could not be tried.
import { useTranslation } from 'react-i18next';
import type { ApiCheck, TokenIdentity, TokenTestReport } from '../../../electron/shared/ipc-contract';
import { apiInfo } from '../../../electron/shared/scope-catalogue';
import type { UserErrorCode } from '../../../electron/shared/user-error';
import { useLanguage } from './app-info-context';
import { ErrorMessage } from './error-message';
import { formatDateTime } from './format';
import { ScopeChips } from './scope-chips';

export function IdentityList({ identity }: { identity: TokenIdentity }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('token.organization')}</dt>
        <dd>{identity.orgName ?? t('common.unknown')}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('token.user')}</dt>
        <dd>
          {identity.userName ? `${identity.userName} ` : ''}
          <code>{identity.userId}</code>
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('token.enterpriseId')}</dt>
        <dd>{identity.enterpriseId ? <code>{identity.enterpriseId}</code> : t('common.none')}</dd>
      </div>
    </dl>
  );
}

function CheckRow({ check }: { check: ApiCheck }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const info = apiInfo(check.api);
  return (
    <li className={`check check--${check.status}`}>
      <div className="check__head">
        <span className="check__api">{info.title[lang]}</span>
        <span className={`status-pill status-pill--${check.status}`}>{t(`test.check.${check.status}`)}</span>
      </div>
      {check.status === 'ok' ? <p className="hint">{t('test.check.okDetail', { call: info.probe.call })}</p> : null}
      {check.status === 'skipped' ? (
        <p className="hint">
          {check.skippedReason === 'missing-scope'
            ? t('test.check.skippedMissingScope', { scope: info.probe.requiresScope })
            : t('test.check.skippedOther')}
        </p>
      ) : null}
      {check.status === 'failed' && check.error ? <ErrorMessage error={check.error} compact /> : null}
    </li>
  );
}

const UNREACHABLE: ReadonlySet<UserErrorCode> = new Set<UserErrorCode>(['rate-limited', 'slack-server-error', 'unexpected-response', 'timeout', 'network']);

/** `level` keeps the heading outline right wherever the report sits (a setup step, a token card). */
export function TestReportView({ report, level = 2 }: { report: TokenTestReport; level?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = `h${level}` as const;
  const lang = useLanguage();
  const allOk = !report.error && report.missingScopes.length === 0 && report.apiChecks.every((c) => c.status === 'ok');
  // Slack being unreachable says nothing about the token: do not tell the admin it was refused.
  const unreachable = report.error !== undefined && UNREACHABLE.has(report.error.code);
  return (
    <div className="test-report">
      <p className={allOk ? 'notice notice--success' : 'notice notice--warning'}>
        {report.error ? (unreachable ? t('test.summary.unreachable') : t('test.summary.failed')) : allOk ? t('test.summary.ok') : t('test.summary.partial')}
        <span className="notice__meta"> {t('test.testedAt', { when: formatDateTime(report.testedAt, lang) })}</span>
      </p>
      {report.error ? <ErrorMessage error={report.error} /> : null}
      {report.identity ? (
        <section className="panel" aria-labelledby={`identity-${report.tokenId}`}>
          <Heading className="panel__title" id={`identity-${report.tokenId}`}>
            {t('test.identityTitle')}
          </Heading>
          <IdentityList identity={report.identity} />
          {!report.identity.isEnterpriseInstall ? <p className="field-warning">{t('test.notEnterpriseInstall')}</p> : null}
        </section>
      ) : null}
      {!report.error ? (
        <section className="panel" aria-labelledby={`scopes-${report.tokenId}`}>
          <Heading className="panel__title" id={`scopes-${report.tokenId}`}>
            {t('test.scopesTitle')}
          </Heading>
          <p className="field-label">{t('test.grantedScopes', { count: report.grantedScopes.length })}</p>
          <ScopeChips scopes={report.grantedScopes} label={t('test.grantedScopes', { count: report.grantedScopes.length })} />
          {report.missingScopes.length > 0 ? (
            <>
              <p className="field-label">{t('test.missingScopes', { count: report.missingScopes.length })}</p>
              <ScopeChips scopes={report.missingScopes} missing={report.missingScopes} label={t('test.missingScopes', { count: report.missingScopes.length })} />
              <p className="field-warning">{t('test.missingExplained')}</p>
            </>
          ) : (
            <p className="hint">{t('test.allRequestedGranted')}</p>
          )}
        </section>
      ) : null}
      {report.apiChecks.length > 0 ? (
        <section className="panel" aria-labelledby={`checks-${report.tokenId}`}>
          <Heading className="panel__title" id={`checks-${report.tokenId}`}>
            {t('test.checksTitle')}
          </Heading>
          <ul className="checks">
            {report.apiChecks.map((check) => (
              <CheckRow key={check.api} check={check} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
