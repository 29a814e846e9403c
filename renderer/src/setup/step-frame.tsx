import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupStepId } from '../../../electron/shared/user-error';
import { ScreenHeading } from '../common/screen-heading';
import { stepIndex } from './setup-progress';
import { STEP_ORDER } from './step-order';

/** The frame every step screen shares: where we are, the step's title and what it is for, the actions. */
export function StepFrame({ step, intro, children, footer }: { step: SetupStepId; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="step" aria-labelledby={`step-title-${step}`}>
      <p className="step__eyebrow">{t('setup.stepOf', { number: stepIndex(step) + 1, total: STEP_ORDER.length })}</p>
      <div id={`step-title-${step}`}>
        <ScreenHeading focusKey={step}>{t(`setup.steps.${step}`)}</ScreenHeading>
      </div>
      {intro ? <p className="step__intro">{intro}</p> : null}
      <div className="step__body">{children}</div>
      {footer ? <div className="step__footer">{footer}</div> : null}
    </section>
  );
}
