export declare const FUSE_SETTINGS: Readonly<Record<string, boolean>>;
export declare function buildFuseConfig(
  fuses: { FuseVersion: { V1: string }; FuseV1Options: Record<string, string | number> },
  options?: { resetAdHocDarwinSignature?: boolean },
): Record<string, unknown>;
