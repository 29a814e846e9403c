import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenSummary } from '../../../electron/shared/ipc-contract';
import { apiInfo } from '../../../electron/shared/scope-catalogue';
import { useApi } from '../api/api-context';
import { useLanguage } from '../common/app-info-context';
import { ErrorMessage } from '../common/error-message';
import { MaskedToken } from '../common/masked-token';
import { useNavigate } from '../common/navigation';
import { useCopyToken } from '../common/use-copy-token';
import { StepFrame } from './step-frame';
import type { SetupController } from './use-setup';

export function ResultStep({ setup, tokenId, knownToken, onReset }: { setup: SetupController; tokenId: string | null; knownToken: TokenSummary | null; onReset: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const navigate = useNavigate();
  const [token, setToken] = useState<TokenSummary | null>(knownToken?.id === tokenId ? knownToken : null);
  const { copy, copiedFor, error } = useCopyToken(tokenId);
  const [resetting, setResetting] = useState(false);
  const { markDone } = setup;

  useEffect(() => {
    void markDone('result');
  }, [markDone]);

  useEffect(() => {
    if (!tokenId) return;
    let live = true;
    api.listTokens({}).then(
      (list) => {
        const found = list.tokens.find((tk) => tk.id === tokenId);
        if (live && found) setToken(found);
      },
      () => undefined, // the masked token is then not shown; Copy still works by id
    );
    return () => {
      live = false;
    };
  }, [api, tokenId]);

  const startAnother = async () => {
    setResetting(true);
    try {
      setup.replace(await api.resetSetup({}));
      onReset();
    } catch {
      setResetting(false);
    }
  };

  return (
    <StepFrame step="result" intro={t('setup.result.intro')}>
      <section className="panel panel--token" aria-labelledby="result-token">
        <h2 className="panel__title" id="result-token">
          {t('setup.result.tokenTitle')}
        </h2>
        {token ? <MaskedToken value={token.maskedToken} /> : <p className="hint">{t('setup.result.tokenMissing')}</p>}
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => void copy()} disabled={!tokenId}>
            {t('token.actions.copy')}
          </button>
        </div>
        <p className="status-line" role="status">
          {copiedFor !== null ? t('token.copied', { seconds: copiedFor }) : ''}
        </p>
        {error ? <ErrorMessage error={error} compact /> : null}
        <p className="hint">{t('setup.result.savedHint')}</p>
      </section>

      <section className="panel" aria-labelledby="result-next">
        <h2 className="panel__title" id="result-next">
          {t('setup.result.nextTitle')}
        </h2>
        <ul className="next-list">
          {setup.state.selectedApis.map((id) => (
            <li key={id}>
              <span className="next-list__api">{apiInfo(id).title[lang]}</span>
              <span>{t(`setup.result.next.${id}`)}</span>
            </li>
          ))}
        </ul>
      </section>

      <div className="step__footer">
        <button type="button" className="button button--secondary" onClick={() => navigate('home')}>
          {t('setup.result.toSaved')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void startAnother()} disabled={resetting}>
          {t('setup.result.startAnother')}
        </button>
      </div>
    </StepFrame>
  );
}
