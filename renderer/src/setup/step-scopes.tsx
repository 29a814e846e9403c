import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADMIN_RESOURCES,
  DEFAULT_ADMIN_SCOPE,
  apiInfo,
  parseExtraScopes,
  scopeInfo,
  scopesForSelection,
  type ScopeInfo,
} from '../../../electron/shared/scope-catalogue';
import { useLanguage } from '../common/app-info-context';
import { CopyField } from '../common/copy-field';
import { ScopeChips } from '../common/scope-chips';
import { StepFrame } from './step-frame';
import type { SetupController } from './use-setup';

const DISCOVERY_WRITE = 'discovery:write';

function GridCell({ scope, checked, onChange }: { scope: ScopeInfo | null; checked: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (!scope) {
    return (
      <td className="scope-grid__cell scope-grid__cell--none">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('setup.scopes.grid.notOffered')}</span>
      </td>
    );
  }
  const descId = `scope-desc-${scope.scope.replace(/[^a-z0-9]/g, '-')}`;
  return (
    <td className="scope-grid__cell">
      <label className="scope-grid__label">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={descId} />
        <code className="chip">{scope.scope}</code>
      </label>
      <span className="scope-grid__desc" id={descId}>
        {scope.description[lang]}
      </span>
    </td>
  );
}

export function ScopesStep({ setup }: { setup: SetupController }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { state } = setup;
  const [discoveryWrite, setDiscoveryWrite] = useState(state.discoveryWrite);
  const [adminScopes, setAdminScopes] = useState<string[]>(state.adminScopes);
  const [extraText, setExtraText] = useState(state.extraScopes.join(', '));
  const extraId = useId();
  const extraHintId = useId();
  const extraProblemId = useId();

  const apis = state.selectedApis;
  const extra = useMemo(() => parseExtraScopes(extraText), [extraText]);
  const userScopes = useMemo(
    () => scopesForSelection({ apis, discoveryWrite, adminScopes, extraScopes: extra.scopes }),
    [apis, discoveryWrite, adminScopes, extra.scopes],
  );
  const adminChosen = apis.includes('admin-api');
  const toggleAdmin = (scope: string, on: boolean) =>
    setAdminScopes((current) => (on ? [...new Set([...current, scope])] : current.filter((s) => s !== scope)));
  const invalid = extra.invalid.length > 0;

  const onContinue = () =>
    void setup.complete('scopes', {
      discoveryWrite,
      adminScopes: [...adminScopes].sort(),
      extraScopes: extra.scopes,
      userScopes,
    });

  return (
    <StepFrame
      step="scopes"
      intro={t('setup.scopes.intro')}
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={() => void setup.open('choose-apis')}>
            {t('common.back')}
          </button>
          <button type="button" className="button button--primary" disabled={invalid || userScopes.length === 0} onClick={onContinue}>
            {t('common.continue')}
          </button>
          {invalid ? <p className="hint hint--error">{t('setup.scopes.extra.fixFirst')}</p> : null}
        </>
      }
    >
      <section className="panel" aria-labelledby="scopes-presets">
        <h2 className="panel__title" id="scopes-presets">
          {t('setup.scopes.presetsTitle')}
        </h2>
        <ul className="preset-list">
          {apis.map((id) => {
            const info = apiInfo(id);
            return (
              <li key={id} className="preset-list__item">
                <span className="preset-list__api">{info.title[lang]}</span>
                {info.requiredScopes.length > 0 ? (
                  <ul className="plain-list">
                    {info.requiredScopes.map((s) => (
                      <li key={s}>
                        <code className="chip">{s}</code> {scopeInfo(s)?.description[lang]}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="hint">{t('setup.scopes.adminGridBelow')}</p>
                )}
                {id === 'discovery' ? (
                  <label className="checkbox">
                    <input type="checkbox" checked={discoveryWrite} onChange={(e) => setDiscoveryWrite(e.target.checked)} />
                    <span>
                      {t('setup.scopes.discoveryWrite')} <code className="chip">{DISCOVERY_WRITE}</code>
                      <span className="hint hint--block">{scopeInfo(DISCOVERY_WRITE)?.description[lang]}</span>
                    </span>
                  </label>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      {adminChosen ? (
        <section className="panel" aria-labelledby="scopes-admin">
          <h2 className="panel__title" id="scopes-admin">
            {t('setup.scopes.grid.title')}
          </h2>
          <p className="hint">{t('setup.scopes.grid.intro')}</p>
          <div className="table-scroll">
            <table className="scope-grid">
              <caption className="visually-hidden">{t('setup.scopes.grid.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('setup.scopes.grid.resource')}</th>
                  <th scope="col">{t('setup.scopes.grid.read')}</th>
                  <th scope="col">{t('setup.scopes.grid.write')}</th>
                </tr>
              </thead>
              <tbody>
                {ADMIN_RESOURCES.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      {row.label[lang]}
                      {row.read && !row.write ? <span className="tag">{t('setup.scopes.grid.readOnly')}</span> : null}
                      {!row.read && row.write ? <span className="tag">{t('setup.scopes.grid.writeOnly')}</span> : null}
                    </th>
                    <GridCell scope={row.read} checked={!!row.read && adminScopes.includes(row.read.scope)} onChange={(on) => row.read && toggleAdmin(row.read.scope, on)} />
                    <GridCell scope={row.write} checked={!!row.write && adminScopes.includes(row.write.scope)} onChange={(on) => row.write && toggleAdmin(row.write.scope, on)} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint" role="status">
            {adminScopes.length === 0
              ? t('setup.scopes.grid.defaultUsed', { scope: DEFAULT_ADMIN_SCOPE })
              : adminScopes.includes(DEFAULT_ADMIN_SCOPE)
                ? ''
                : t('setup.scopes.grid.testNeeds', { scope: DEFAULT_ADMIN_SCOPE })}
          </p>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="scopes-extra">
        <h2 className="panel__title" id="scopes-extra">
          {t('setup.scopes.extra.title')}
        </h2>
        <label className="field-label" htmlFor={extraId}>
          {t('setup.scopes.extra.label')}
        </label>
        <textarea
          id={extraId}
          className="input input--code"
          rows={2}
          value={extraText}
          onChange={(e) => setExtraText(e.target.value)}
          aria-describedby={`${extraHintId} ${extraProblemId}`}
          aria-invalid={invalid}
          spellCheck={false}
        />
        <p className="hint" id={extraHintId}>
          {t('setup.scopes.extra.hint')}
        </p>
        <div id={extraProblemId}>
          {invalid ? (
            <p className="field-error" role="alert">
              {t('setup.scopes.extra.invalid', { scopes: extra.invalid.join(', ') })}
            </p>
          ) : null}
          {extra.unknown.length > 0 ? (
            <p className="field-warning" role="status">
              {t('setup.scopes.extra.unknown', { scopes: extra.unknown.join(', ') })}
            </p>
          ) : null}
        </div>
      </section>

      <section className="panel panel--result" aria-labelledby="scopes-result">
        <h2 className="panel__title" id="scopes-result">
          {t('setup.scopes.resultTitle', { count: userScopes.length })}
        </h2>
        <ScopeChips scopes={userScopes} label={t('setup.scopes.resultTitle', { count: userScopes.length })} />
        <CopyField label={t('setup.scopes.copyLabel')} value={userScopes.join(',')} />
      </section>
    </StepFrame>
  );
}
