import { useTranslation } from 'react-i18next';
import type { Language } from '../../../electron/shared/ipc-contract';
import { useApi } from '../api/api-context';
import { LANGUAGES } from '../i18n';
import { useAppInfo, useLanguage } from './app-info-context';

/** English / 한국어. The app follows the OS until the admin picks one here; main remembers the choice. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const api = useApi();
  const { setInfo } = useAppInfo();
  const current = useLanguage();

  const choose = (language: Language) => {
    setInfo((info) => ({ ...info, language }));
    void api.setLanguage({ language });
  };

  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="segmented__option"
          aria-pressed={current === language}
          onClick={() => choose(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
