// A small settings panel in the header: which Slack the app talks to (commercial or GovSlack).
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlackRegion } from '../../../electron/shared/ipc-contract';
import { useApi } from '../api/api-context';
import { useAppInfo } from './app-info-context';
import { ErrorMessage } from './error-message';
import type { UserError } from '../../../electron/shared/user-error';

const REGIONS: readonly SlackRegion[] = ['commercial', 'gov'];

export function SettingsMenu() {
  const { t } = useTranslation();
  const api = useApi();
  const { info, setInfo } = useAppInfo();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const chooseRegion = async (region: SlackRegion) => {
    setError(null);
    const result = await api.setSlackRegion({ region });
    if (result.ok) setInfo((current) => ({ ...current, slackRegion: result.value.region }));
    else setError(result.error);
  };

  return (
    <div className="settings">
      <button
        ref={buttonRef}
        type="button"
        className="button button--ghost"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        {t('settings.button')}
      </button>
      <div
        ref={panelRef}
        id={panelId}
        className="settings__panel"
        hidden={!open}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      >
        <fieldset className="fieldset">
          <legend className="field-label">{t('settings.region.legend')}</legend>
          {REGIONS.map((region) => (
            <label key={region} className="radio">
              <input
                type="radio"
                name="slack-region"
                value={region}
                checked={info.slackRegion === region}
                onChange={() => void chooseRegion(region)}
              />
              <span>{t(`settings.region.${region}`)}</span>
            </label>
          ))}
          <p className="hint">{t('settings.region.hint')}</p>
        </fieldset>
        {info.simulatedSlackOrigin ? <p className="hint">{t('settings.simulated', { origin: info.simulatedSlackOrigin })}</p> : null}
        {error ? <ErrorMessage error={error} compact /> : null}
        <p className="hint">{t('settings.version', { version: info.version })}</p>
        <button type="button" className="button button--secondary" onClick={close}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
