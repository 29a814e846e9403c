import type { OrgTokenHelperApi } from '../../electron/shared/preload-api';

declare global {
  interface Window {
    /** Exposed by the preload; the renderer's only way to reach the main process. */
    readonly orgTokenHelper: OrgTokenHelperApi;
  }
}

export {};
