import { cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import type { AppInfo, Language } from '../../../electron/shared/ipc-contract';
import type { OrgTokenHelperApi } from '../../../electron/shared/preload-api';
import { createI18n } from '../i18n';
import { Providers } from '../providers';
import { appInfo, createFakeApi } from './fake-api';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  document.documentElement.lang = '';
});

export function renderWithApp(
  ui: ReactElement,
  options: { api?: OrgTokenHelperApi; info?: AppInfo; language?: Language; userEventOptions?: Parameters<typeof userEvent.setup>[0] } = {},
): RenderResult & { user: ReturnType<typeof userEvent.setup>; api: OrgTokenHelperApi } {
  const api = options.api ?? createFakeApi().api;
  const info = options.info ?? appInfo({ language: options.language ?? null });
  const i18n = createI18n(options.language ?? info.language ?? info.systemLanguage);
  const user = userEvent.setup(options.userEventOptions);
  const result = render(
    <Providers api={api} i18n={i18n} info={info}>
      {ui}
    </Providers>,
  );
  return { ...result, user, api };
}
