import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiId } from '../../../electron/shared/ipc-contract';
import { API_CATALOGUE, scopesForSelection } from '../../../electron/shared/scope-catalogue';
import { useLanguage } from '../common/app-info-context';
import { StepFrame } from './step-frame';
import type { SetupController } from './use-setup';

export function ChooseApisStep({ setup }: { setup: SetupController }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { state } = setup;
  const [selected, setSelected] = useState<ApiId[]>(state.selectedApis);
  const hintId = useId();

  const toggle = (id: ApiId, on: boolean) =>
    setSelected((current) => (on ? [...current.filter((a) => a !== id), id] : current.filter((a) => a !== id)));

  const onContinue = () => {
    // Keep the catalogue's order so the scopes screen lists the APIs the same way every time.
    const apis = API_CATALOGUE.map((a) => a.id).filter((id) => selected.includes(id));
    void setup.complete('choose-apis', {
      selectedApis: apis,
      userScopes: scopesForSelection({ apis, discoveryWrite: state.discoveryWrite, adminScopes: state.adminScopes, extraScopes: state.extraScopes }),
    });
  };

  return (
    <StepFrame
      step="choose-apis"
      intro={t('setup.choose.intro')}
      footer={
        <>
          <button
            type="button"
            className="button button--primary"
            disabled={selected.length === 0}
            aria-describedby={selected.length === 0 ? hintId : undefined}
            onClick={onContinue}
          >
            {t('common.continue')}
          </button>
          {selected.length === 0 ? (
            <p className="hint" id={hintId}>
              {t('setup.choose.needOne')}
            </p>
          ) : null}
        </>
      }
    >
      <fieldset className="fieldset">
        <legend className="visually-hidden">{t('setup.choose.legend')}</legend>
        <div className="card-grid">
          {API_CATALOGUE.map((api) => {
            const checked = selected.includes(api.id);
            const titleId = `api-${api.id}-title`;
            const descId = `api-${api.id}-desc`;
            return (
              <label key={api.id} className={checked ? 'choice-card choice-card--checked' : 'choice-card'}>
                <span className="choice-card__head">
                  <input
                    type="checkbox"
                    className="choice-card__input"
                    checked={checked}
                    onChange={(e) => toggle(api.id, e.target.checked)}
                    aria-labelledby={titleId}
                    aria-describedby={descId}
                  />
                  <span className="choice-card__title" id={titleId}>
                    {api.title[lang]}
                  </span>
                </span>
                <span id={descId} className="choice-card__desc">
                  <span className="choice-card__purpose">{api.purpose[lang]}</span>
                  <span className="choice-card__who">
                    <strong>{t('setup.choose.whoCanSetUp')}</strong> {api.whoCanSetUp[lang]}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </StepFrame>
  );
}
