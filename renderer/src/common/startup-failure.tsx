import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';

function Message() {
  const { t } = useTranslation();
  return (
    <main className="app-main startup-failure">
      <h1 className="screen-title">{t('startup.title')}</h1>
      <p>{t('startup.body')}</p>
    </main>
  );
}

/** Main did not answer: nothing else can work, so say so and what to do. */
export function StartupFailure({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Message />
    </I18nextProvider>
  );
}
