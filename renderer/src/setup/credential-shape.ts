// Quick checks while the admin types, so a half-pasted value is caught before main is asked.
// Main checks again and has the last word (its error is shown if it disagrees).

export type ShapeCheck = 'empty' | 'ok' | 'bad-shape';

/** Slack client IDs are two groups of digits joined by a dot, e.g. `1234567890.1234567890123`. */
export const CLIENT_ID_SHAPE = /^\d{4,20}\.\d{4,20}$/;
/** Slack client secrets are 32 hexadecimal characters. */
export const CLIENT_SECRET_SHAPE = /^[0-9a-f]{32}$/i;

export function checkClientId(value: string): ShapeCheck {
  const v = value.trim();
  if (!v) return 'empty';
  return CLIENT_ID_SHAPE.test(v) ? 'ok' : 'bad-shape';
}

export function checkClientSecret(value: string): ShapeCheck {
  const v = value.trim();
  if (!v) return 'empty';
  return CLIENT_SECRET_SHAPE.test(v) ? 'ok' : 'bad-shape';
}
