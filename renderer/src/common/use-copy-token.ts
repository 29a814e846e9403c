// Copying a saved token: main writes the clipboard (the renderer never holds the token) and
// clears it after a while; we only say so.
import { useState } from 'react';
import type { UserError } from '../../../electron/shared/user-error';
import { useApi } from '../api/api-context';

export function useCopyToken(tokenId: string | null) {
  const api = useApi();
  const [copiedFor, setCopiedFor] = useState<number | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const copy = async () => {
    if (!tokenId) return;
    setError(null);
    setCopiedFor(null);
    const result = await api.copyToken({ tokenId });
    if (result.ok) setCopiedFor(result.value.clearsAfterSeconds);
    else setError(result.error);
  };
  return { copy, copiedFor, error };
}
