// Slack answered 429 and main is waiting before it retries: say so, and count down, so the app
// does not look frozen. Main sends the seconds left; we tick locally between its messages.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';

export function RateLimitCountdown() {
  const { t } = useTranslation();
  const api = useApi();
  const [secondsLeft, setSecondsLeft] = useState(0);

  useEffect(() => api.onRateLimitCountdown(({ secondsLeft: s }) => setSecondsLeft(Math.max(0, Math.ceil(s)))), [api]);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  return (
    <div className={secondsLeft > 0 ? 'notice notice--info' : 'visually-hidden'} role="status">
      {secondsLeft > 0 ? t('rateLimit.waiting', { seconds: secondsLeft }) : ''}
    </div>
  );
}
