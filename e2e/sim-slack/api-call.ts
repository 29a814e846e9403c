import type { IncomingMessage } from 'node:http';
import type { SimState, TokenRecord } from './state';

// The contract between the Web API dispatcher and each method's handler.

export interface ApiCall {
  state: SimState;
  origin: string;
  req: IncomingMessage;
  /** Form (or JSON) arguments, stringified; never includes the query string. */
  params: Record<string, string>;
  /** The caller's live token, set for methods declared with auth: 'token'. */
  token: TokenRecord | null;
}

export interface ApiReply {
  /** 200 unless said otherwise: the Web API reports errors in the body, not the status. */
  status?: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface MethodSpec {
  auth: 'token' | 'none';
  /** The scope the method needs; a token without it gets missing_scope. */
  scope?: string;
  handle(call: ApiCall): ApiReply;
}

export function fail(error: string, extra: Record<string, unknown> = {}): ApiReply {
  return { body: { ok: false, error, ...extra } };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Unix seconds, as Slack's APIs count time. */
export function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}
