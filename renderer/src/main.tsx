import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createI18n, pickLanguage, toLanguage } from './i18n';
import { Providers } from './providers';
import { StartupFailure } from './common/startup-failure';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/setup.css';
import './styles/vault.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const api = window.orgTokenHelper;

// Ask main for the language before the first paint, so a Korean admin never sees English flash by.
void (async () => {
  try {
    const info = await api.getAppInfo({});
    const i18n = createI18n(pickLanguage(info));
    document.documentElement.lang = i18n.language;
    root.render(
      <StrictMode>
        <Providers api={api} i18n={i18n} info={info}>
          <App />
        </Providers>
      </StrictMode>,
    );
  } catch {
    const i18n = createI18n(toLanguage(navigator.language));
    document.documentElement.lang = i18n.language;
    root.render(<StartupFailure i18n={i18n} />);
  }
})();
