// Reveal is the one time the renderer holds a saved token: in component state only, for the few
// seconds main allows, then it is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UserError } from '../../../electron/shared/user-error';
import { useApi } from '../api/api-context';

export function useReveal(tokenId: string) {
  const api = useApi();
  const [token, setToken] = useState<string | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [error, setError] = useState<UserError | null>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const tickTimer = useRef<ReturnType<typeof setInterval> | null>(null);

  const hide = useCallback(() => {
    if (hideTimer.current) clearTimeout(hideTimer.current);
    if (tickTimer.current) clearInterval(tickTimer.current);
    hideTimer.current = null;
    tickTimer.current = null;
    setToken(null);
    setSecondsLeft(0);
  }, []);

  useEffect(() => hide, [hide]);

  const reveal = useCallback(async () => {
    setError(null);
    const result = await api.revealToken({ tokenId });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    hide();
    const seconds = Math.max(1, Math.round(result.value.hideAfterSeconds));
    setToken(result.value.token);
    setSecondsLeft(seconds);
    hideTimer.current = setTimeout(hide, seconds * 1000);
    tickTimer.current = setInterval(() => setSecondsLeft((s) => Math.max(0, s - 1)), 1000);
  }, [api, tokenId, hide]);

  return { token, secondsLeft, error, reveal, hide };
}
