// Every error the admin sees: what happened and what to do next, in their language, with the raw
// code small underneath for whoever they ask for help. Main sends only a code; the words live in
// the catalogues (`errors.<code>.title` / `.body`).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserError } from '../../../electron/shared/user-error';

export function errorTextKeys(code: string, exists: (key: string) => boolean): { title: string; body: string } {
  const title = `errors.${code}.title`;
  const body = `errors.${code}.body`;
  // A code added in main after this catalogue was written still gets a helpful sentence.
  return exists(title) && exists(body) ? { title, body } : { title: 'errors.fallback.title', body: 'errors.fallback.body' };
}

export function ErrorMessage({ error, children, compact = false }: { error: UserError; children?: ReactNode; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const keys = errorTextKeys(error.code, (key) => i18n.exists(key));
  const values = {
    retryAfterSeconds: error.retryAfterSeconds ?? 30,
    httpStatus: error.httpStatus ?? '',
    slackError: error.slackError ?? '',
  };
  return (
    <div className={compact ? 'error-message error-message--compact' : 'error-message'} role="alert">
      <p className="error-message__title">{t(keys.title, values)}</p>
      <p className="error-message__body">{t(keys.body, values)}</p>
      <p className="error-message__code">
        {error.slackError ? t('errors.slackCode', { code: error.slackError }) : t('errors.appCode', { code: error.code })}
        {error.httpStatus ? ` · ${t('errors.httpStatus', { status: error.httpStatus })}` : null}
      </p>
      {children ? <div className="error-message__actions">{children}</div> : null}
    </div>
  );
}
