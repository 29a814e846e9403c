export type ElectronLookup = { ok: true; path: string } | { ok: false };

export interface StartDeps {
  resolveElectron(): ElectronLookup | Promise<ElectronLookup>;
  build(): Promise<number>;
  launch(electronPath: string): Promise<number>;
  log(line: string): void;
  error(line: string): void;
}

export declare const NO_ELECTRON_MESSAGE: string;
export declare const BUILD_FAILED_MESSAGE: string;
export declare function start(deps: StartDeps): Promise<number>;
export declare function resolveElectronInChild(options?: { cwd?: string; timeoutMs?: number }): ElectronLookup;
export declare function buildWithElectronVite(): Promise<number>;
export declare function launchElectron(electronPath: string): Promise<number>;
