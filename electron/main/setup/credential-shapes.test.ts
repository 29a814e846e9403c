import { describe, expect, it } from 'vitest';
import { isClientIdShape, isClientSecretShape } from './credential-shapes';

describe('isClientIdShape', () => {
  it.each(['1234567890.1234567890123', '  1234567890.1234567890123\n', '12345.67890'])('accepts %j', (value) => {
    expect(isClientIdShape(value)).toBe(true);
  });

  it.each(['', '1234567890', '1234567890.', 'A0123456789', '0123456789abcdef0123456789abcdef', '1234.5678', '1234567890.1234567890123x', '1234567890 1234567890123'])(
    'refuses %j',
    (value) => {
      expect(isClientIdShape(value)).toBe(false);
    },
  );
});

describe('isClientSecretShape', () => {
  it.each(['0123456789abcdef0123456789abcdef', ' 0123456789abcdef0123456789abcdef ', 'abcdef0123456789abcd'])('accepts %j', (value) => {
    expect(isClientSecretShape(value)).toBe(true);
  });

  it.each(['', '1234567890.1234567890123', 'xoxp-1234-5678', '0123456789ABCDEF0123456789ABCDEF', 'abc123', '0123456789abcdef0123456789abcdeg', 'a'.repeat(65)])('refuses %j', (value) => {
    expect(isClientSecretShape(value)).toBe(false);
  });
});
