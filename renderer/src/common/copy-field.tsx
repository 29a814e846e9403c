// Non-secret text the admin pastes into Slack's pages (the redirect address, the scope list).
// Tokens are never copied this way: main writes those to the clipboard and clears it later.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from './app-info-context';

type CopyState = 'idle' | 'copied' | 'manual';

export function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const { t } = useTranslation();
  const { info } = useAppInfo();
  const id = useId();
  const fieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // The windows deny clipboard permission to web content; selecting lets the admin copy by hand.
      fieldRef.current?.focus();
      fieldRef.current?.select();
      setState('manual');
    }
  };

  const shortcut = info.platform === 'darwin' ? t('copy.shortcutMac') : t('copy.shortcutOther');
  return (
    <div className="copy-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        {multiline ? (
          <textarea id={id} ref={fieldRef} className="input input--code" readOnly value={value} rows={3} onFocus={(e) => e.currentTarget.select()} />
        ) : (
          <input id={id} ref={fieldRef} className="input input--code" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        )}
        <button type="button" className="button button--secondary" aria-label={t('copy.buttonFor', { label })} onClick={() => void copy()}>
          {t('copy.button')}
        </button>
      </div>
      <p className="copy-field__status" role="status">
        {state === 'copied' ? t('copy.copied') : state === 'manual' ? t('copy.manual', { shortcut }) : ''}
      </p>
    </div>
  );
}
