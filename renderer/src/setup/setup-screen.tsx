// The guided setup: a checklist on the left, the current step on the right.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenSummary } from '../../../electron/shared/ipc-contract';
import { ErrorMessage } from '../common/error-message';
import { ScreenHeading } from '../common/screen-heading';
import { SetupChecklist } from './setup-checklist';
import { ChooseApisStep } from './step-choose-apis';
import { CredentialsStep } from './step-credentials';
import { ResultStep } from './step-result';
import { ScopesStep } from './step-scopes';
import { SignInStep } from './step-sign-in';
import { TestStep } from './step-test';
import { useSetup, type SetupController } from './use-setup';

function CurrentStep({ setup, token, setToken }: { setup: SetupController; token: TokenSummary | null; setToken: (t: TokenSummary | null) => void }) {
  const tokenId = setup.state.tokenId ?? token?.id ?? null;
  // Keyed by step so each step starts from what was saved, not from another step's leftovers.
  switch (setup.state.step) {
    case 'choose-apis':
      return <ChooseApisStep key="choose-apis" setup={setup} />;
    case 'scopes':
      return <ScopesStep key="scopes" setup={setup} />;
    case 'credentials':
      return <CredentialsStep key="credentials" setup={setup} />;
    case 'sign-in':
      return (
        <SignInStep
          key="sign-in"
          setup={setup}
          onSignedIn={(signedIn) => {
            setToken(signedIn);
            setup.patchLocal({ tokenId: signedIn.id });
          }}
        />
      );
    case 'test':
      return <TestStep key="test" setup={setup} tokenId={tokenId} />;
    case 'result':
      return <ResultStep key="result" setup={setup} tokenId={tokenId} knownToken={token} onReset={() => setToken(null)} />;
  }
}

export function SetupScreen() {
  const { t } = useTranslation();
  const { controller, loadError } = useSetup();
  const [token, setToken] = useState<TokenSummary | null>(null);

  if (!controller) {
    return (
      <div className="screen">
        <ScreenHeading>{t('setup.title')}</ScreenHeading>
        {loadError ? (
          <ErrorMessage error={{ code: 'internal' }} />
        ) : (
          <p className="progress" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('common.loading')}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="setup-layout">
      <SetupChecklist state={controller.state} onOpen={(step) => void controller.open(step)} />
      <div className="setup-layout__content">
        {controller.saveError ? (
          <div className="notice notice--warning" role="status">
            {t('setup.saveFailed')}
          </div>
        ) : null}
        <CurrentStep setup={controller} token={token} setToken={setToken} />
      </div>
    </div>
  );
}
