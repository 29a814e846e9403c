// Home: the saved tokens, grouped by organization, or a short welcome when there are none yet.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenSummary } from '../../../electron/shared/ipc-contract';
import { useApi } from '../api/api-context';
import { useAppInfo } from '../common/app-info-context';
import { ErrorMessage } from '../common/error-message';
import { useNavigate } from '../common/navigation';
import { ScreenHeading } from '../common/screen-heading';
import { setupPhase } from '../setup/setup-progress';
import { TokenCard } from './token-card';

interface OrgGroup {
  key: string;
  name: string | null;
  enterpriseId: string | null;
  tokens: TokenSummary[];
}

export function groupByOrganization(tokens: readonly TokenSummary[]): OrgGroup[] {
  const groups = new Map<string, OrgGroup>();
  for (const token of tokens) {
    const { enterpriseId, orgName } = token.identity;
    const key = enterpriseId ?? orgName ?? '';
    const group = groups.get(key) ?? { key, name: orgName, enterpriseId, tokens: [] };
    group.tokens.push(token);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
  for (const g of sorted) g.tokens.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return sorted;
}

export function VaultScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { setVault } = useAppInfo();
  const [tokens, setTokens] = useState<TokenSummary[] | null>(null);
  // The list call only fails on a bug in the app (the guard answers a generic rejection).
  const [loadFailed, setLoadFailed] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [phase, setPhase] = useState<ReturnType<typeof setupPhase>>('fresh');

  useEffect(() => {
    let live = true;
    const refresh = () => {
      api.listTokens({}).then(
        (list) => {
          if (!live) return;
          setLoadFailed(false);
          setTokens(list.tokens);
          setVault(list.vault);
        },
        () => {
          if (live) setLoadFailed(true);
        },
      );
    };
    refresh();
    const unsubscribe = api.onVaultChanged(refresh);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, setVault, reloads]);

  useEffect(() => {
    let live = true;
    api.getSetupState({}).then(
      (s) => {
        if (live) setPhase(setupPhase(s));
      },
      () => undefined, // the button then simply says "Start setup"
    );
    return () => {
      live = false;
    };
  }, [api]);

  const setupButton = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => {
        // A finished setup would reopen on its result screen: start a fresh one instead.
        if (phase === 'finished') void api.resetSetup({}).then(() => navigate('setup'));
        else navigate('setup');
      }}
    >
      {phase === 'in-progress' ? t('home.continueSetup') : t('home.startSetup')}
    </button>
  );

  if (tokens === null && loadFailed) {
    return (
      <div className="screen">
        <ScreenHeading>{t('vault.title')}</ScreenHeading>
        <ErrorMessage error={{ code: 'internal' }}>
          <button type="button" className="button button--primary" onClick={() => setReloads((n) => n + 1)}>
            {t('common.tryAgain')}
          </button>
        </ErrorMessage>
      </div>
    );
  }

  if (tokens === null) {
    return (
      <div className="screen">
        <ScreenHeading>{t('vault.title')}</ScreenHeading>
        <p className="progress" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('common.loading')}
        </p>
      </div>
    );
  }

  if (tokens.length === 0) {
    return (
      <div className="screen screen--narrow">
        <div className="welcome">
          <ScreenHeading>{t('home.welcomeTitle')}</ScreenHeading>
          <p className="welcome__lead">{t('home.welcome1')}</p>
          <p>{t('home.welcome2')}</p>
          <p>{t('home.welcome3')}</p>
          <div className="actions">
            {setupButton}
            <button type="button" className="button button--secondary" onClick={() => navigate('leaked')}>
              {t('nav.leaked')}
            </button>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="screen">
      <div className="screen__head">
        <div>
          <ScreenHeading>{t('vault.title')}</ScreenHeading>
          <p className="screen__intro">{t('vault.intro')}</p>
        </div>
        {setupButton}
      </div>
      {groupByOrganization(tokens).map((group) => (
        <section key={group.key} className="org-group" aria-labelledby={`org-${group.key || 'unknown'}`}>
          <h2 className="org-group__title" id={`org-${group.key || 'unknown'}`}>
            {group.name ?? t('vault.unknownOrg')}
            {group.enterpriseId ? <span className="org-group__id"> {t('vault.enterpriseId', { id: group.enterpriseId })}</span> : null}
          </h2>
          <div className="token-list">
            {group.tokens.map((token) => (
              <TokenCard key={token.id} token={token} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
