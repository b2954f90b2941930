import { ENGLISH } from '../../i18n/locales.js';
import { unwrapWith } from '../../outcome.js';
import type { IntroProblem } from '../intros.js';
import type { OnboardingProblem, TenetProblem } from '../problems.js';
import { onboardingMessages, type OnboardingSays } from './messages.js';

/** The one place onboarding's problems become what the member or moderator reads. */

function introProblem(problem: IntroProblem, t: OnboardingSays): string {
  switch (problem.kind) {
    case 'too-long': {
      const label = t(problem.field === 'name' ? 'intro-form.name' : problem.field === 'schoolRegion' ? 'intro-form.school-region' : 'intro-form.note');
      return t('problem.intro.too-long', { label, max: problem.max, length: problem.length });
    }
    default:
      return t(`problem.intro.${problem.kind}`);
  }
}

function tenetProblem(problem: TenetProblem, t: OnboardingSays): string {
  switch (problem.kind) {
    case 'no-colon':
      return t('problem.tenets.no-colon', { box: problem.box });
    case 'none':
      return t('problem.tenets.none');
    case 'too-many':
      return t('problem.tenets.too-many', { max: problem.max });
    case 'empty':
      return t('problem.tenets.empty', { box: problem.box, field: problem.field });
    case 'too-long':
      return t('problem.tenets.too-long', { box: problem.box, field: problem.field, max: problem.max });
    case 'duplicate':
      return t('problem.tenets.duplicate', { box: problem.box, name: problem.name });
  }
}

/** A problem in `t`'s language; English where no reader is known (the dashboard). */
export function explainOnboardingProblem(problem: OnboardingProblem, t: OnboardingSays = onboardingMessages.for(ENGLISH)): string {
  switch (problem.kind) {
    case 'not-your-walk':
    case 'no-walk':
    case 'walk-finished':
    case 'away':
    case 'bot-not-in-server':
    case 'not-set-up':
      return t(`problem.${problem.kind}`);
    case 'introduction-invalid':
      return [...problem.problems.map((each) => introProblem(each, t)), t('problem.intro.try-again')].join(' ');
    case 'tenets-invalid':
      return [t('problem.tenets.not-saved'), ...problem.problems.map((each) => tenetProblem(each, t))].join(' ');
    case 'tenets-conflict':
      return t('problem.tenets-conflict', { version: problem.version });
  }
}

/** Unwraps an outcome, or stops the handler with its problem in `t`'s language. */
export const orExplainIn = (t: OnboardingSays) => unwrapWith((problem: OnboardingProblem) => explainOnboardingProblem(problem, t));
