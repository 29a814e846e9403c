// The renderer reaches main only through `window.orgTokenHelper`. Components ask for it with
// `useApi()`, so tests can hand them a fake through the provider instead.
import { createContext, useContext, type ReactNode } from 'react';
import type { OrgTokenHelperApi } from '../../../electron/shared/preload-api';

const ApiContext = createContext<OrgTokenHelperApi | null>(null);

export function ApiProvider({ api, children }: { api: OrgTokenHelperApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): OrgTokenHelperApi {
  return useContext(ApiContext) ?? window.orgTokenHelper;
}
