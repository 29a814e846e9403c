import type { ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { AppInfo } from '../../electron/shared/ipc-contract';
import type { OrgTokenHelperApi } from '../../electron/shared/preload-api';
import { ApiProvider } from './api/api-context';
import { AppInfoProvider } from './common/app-info-context';

export function Providers({ api, i18n, info, children }: { api: OrgTokenHelperApi; i18n: I18n; info: AppInfo; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ApiProvider api={api}>
        <AppInfoProvider initial={info}>{children}</AppInfoProvider>
      </ApiProvider>
    </I18nextProvider>
  );
}
