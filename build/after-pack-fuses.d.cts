export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
export declare function afterPack(context: AfterPackContextLike): Promise<void>;
export declare function flipFusesAfterPack(
  context: AfterPackContextLike,
  loadFuses?: () => Promise<{
    FuseVersion: { V1: string };
    FuseV1Options: Record<string, string | number>;
    flipFuses(path: string, config: Record<string, unknown>): Promise<number>;
  }>,
): Promise<void>;
export declare function electronBinaryPath(context: AfterPackContextLike): string;
