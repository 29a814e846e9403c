// What main told us about the app (language, Slack region, vault status), shared by every screen.
// It also keeps i18next and `<html lang>` in step with the language main reports.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language, VaultStatus } from '../../../electron/shared/ipc-contract';
import { useApi } from '../api/api-context';
import { pickLanguage } from '../i18n';

interface AppInfoContextValue {
  info: AppInfo;
  reload: () => Promise<void>;
  setVault: (vault: VaultStatus) => void;
  setInfo: (update: (info: AppInfo) => AppInfo) => void;
}

const AppInfoContext = createContext<AppInfoContextValue | null>(null);

export function AppInfoProvider({ initial, children }: { initial: AppInfo; children: ReactNode }) {
  const api = useApi();
  const { i18n } = useTranslation();
  const [info, setInfoState] = useState(initial);
  const language = pickLanguage(info);

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  useEffect(
    () =>
      api.onLanguageChanged(({ language: next }: { language: Language }) => {
        setInfoState((current) => ({ ...current, language: next }));
      }),
    [api],
  );

  const reload = useCallback(async () => {
    const next = await api.getAppInfo({});
    setInfoState(next);
  }, [api]);

  // Stable setters: screens call them from effects that must not re-run on every info change.
  const setVault = useCallback((vault: VaultStatus) => setInfoState((current) => ({ ...current, vault })), []);
  const setInfo = useCallback((update: (info: AppInfo) => AppInfo) => setInfoState(update), []);

  const value = useMemo<AppInfoContextValue>(() => ({ info, reload, setVault, setInfo }), [info, reload, setVault, setInfo]);

  return <AppInfoContext.Provider value={value}>{children}</AppInfoContext.Provider>;
}

export function useAppInfo(): AppInfoContextValue {
  const value = useContext(AppInfoContext);
  if (!value) throw new Error('useAppInfo() needs an <AppInfoProvider>.');
  return value;
}

/** The language the UI is showing now. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'ko' ? 'ko' : 'en';
}
