import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from './app-info-context';
import { LanguageSwitcher } from './language-switcher';
import type { Screen } from './navigation';
import { RateLimitCountdown } from './rate-limit-countdown';
import { SettingsMenu } from './settings-menu';
import { VaultBanner } from './vault-banner';

const NAV_ITEMS: readonly { screen: Screen; key: string }[] = [
  { screen: 'home', key: 'nav.home' },
  { screen: 'setup', key: 'nav.setup' },
  { screen: 'leaked', key: 'nav.leaked' },
];

export function AppShell({ screen, onNavigate, children }: { screen: Screen; onNavigate: (screen: Screen) => void; children: ReactNode }) {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
          {info.simulatedSlackOrigin ? (
            <span className="badge badge--simulated" title={info.simulatedSlackOrigin}>
              {t('app.simulatedBadge')}
            </span>
          ) : null}
        </div>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.screen}>
                <button
                  type="button"
                  className="app-nav__item"
                  aria-current={screen === item.screen ? 'page' : undefined}
                  onClick={() => onNavigate(item.screen)}
                >
                  {t(item.key)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-header__tools">
          <LanguageSwitcher />
          <SettingsMenu />
        </div>
      </header>
      <main className="app-main" id="main">
        <VaultBanner />
        <RateLimitCountdown />
        {children}
      </main>
    </div>
  );
}
