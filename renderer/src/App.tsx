import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppShell } from './common/app-shell';
import { NavigationContext, type Screen } from './common/navigation';
import { LeakedScreen } from './leaked/leaked-screen';
import { SetupScreen } from './setup/setup-screen';
import { VaultScreen } from './vault/vault-screen';

export function App({ initialScreen = 'home' }: { initialScreen?: Screen }) {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>(initialScreen);

  useEffect(() => {
    document.title = t('app.name');
  }, [t, i18n.language]);

  return (
    <NavigationContext.Provider value={setScreen}>
      <AppShell screen={screen} onNavigate={setScreen}>
        {screen === 'home' ? <VaultScreen /> : null}
        {screen === 'setup' ? <SetupScreen /> : null}
        {screen === 'leaked' ? <LeakedScreen /> : null}
      </AppShell>
    </NavigationContext.Provider>
  );
}
