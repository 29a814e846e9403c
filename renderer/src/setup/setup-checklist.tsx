// Every step of the setup, always visible: done, current, to do or failed. Done (and failed)
// steps are buttons that reopen that step.
import { useTranslation } from 'react-i18next';
import type { SetupProgress } from '../../../electron/shared/ipc-contract';
import { STEP_ORDER } from './step-order';
import type { SetupStepId } from '../../../electron/shared/user-error';
import { canOpenStep, displayStatus } from './setup-progress';

const ICONS = { done: '✓', failed: '!', current: '', todo: '' } as const;

export function SetupChecklist({ state, onOpen }: { state: Pick<SetupProgress, 'step' | 'stepStatus'>; onOpen: (step: SetupStepId) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="checklist-panel" aria-label={t('setup.checklist.label')}>
      <h2 className="checklist-panel__title">{t('setup.checklist.title')}</h2>
      <ol className="checklist">
        {STEP_ORDER.map((step, index) => {
          const status = displayStatus(state, step);
          const content = (
            <>
              <span className="checklist__marker" aria-hidden="true">
                {ICONS[status] || String(index + 1)}
              </span>
              <span className="checklist__text">
                <span className="checklist__label">{t(`setup.steps.${step}`)}</span>
                <span className="checklist__status">{t(`setup.status.${status}`)}</span>
              </span>
            </>
          );
          return (
            <li key={step} className={`checklist__item checklist__item--${status}`} aria-current={state.step === step ? 'step' : undefined}>
              {canOpenStep(state, step) ? (
                <button
                  type="button"
                  className="checklist__button"
                  aria-label={t('setup.checklist.item', { step: t(`setup.steps.${step}`), status: t(`setup.status.${status}`) })}
                  onClick={() => onOpen(step)}
                >
                  {content}
                </button>
              ) : (
                <span className="checklist__static">{content}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
