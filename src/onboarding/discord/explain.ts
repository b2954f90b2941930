import { unwrapWith } from '../../outcome.js';
import type { OnboardingProblem } from '../problems.js';

/** The one place onboarding's problems become what the member or moderator reads. */

export const NOT_YOUR_WALK =
  "This welcome walk belongs to someone else, so I've left it as it is. If you'd like to walk through the tenets yourself, use `/onboarding start` in the server.";
export const WALK_FINISHED = "You've already finished your welcome walk, so there's nothing more to do here. 🌱 `/tenets show` in the server brings the tenets back any time.";
export const NO_WALK = "I don't have a welcome walk for you in that server any more. If you'd like to walk it again, use `/onboarding start` there.";
export const AWAY = "You're not in that server right now. If you come back, your walk will be waiting right where you left it.";
export const NOT_SET_UP = "Onboarding isn't switched on in this server yet. A moderator can set it up with `/onboarding setup`.";

export function explainOnboardingProblem(problem: OnboardingProblem): string {
  switch (problem.kind) {
    case 'not-your-walk':
      return NOT_YOUR_WALK;
    case 'no-walk':
      return NO_WALK;
    case 'walk-finished':
      return WALK_FINISHED;
    case 'away':
      return AWAY;
    case 'bot-not-in-server':
      return "I'm not in that server any more, so I can't carry on with onboarding there.";
    case 'not-set-up':
      return NOT_SET_UP;
    case 'introduction-invalid':
      return `${problem.problems.join(' ')} Press "Introduce myself" to try again.`;
    case 'tenets-invalid':
      return `I haven't saved the tenets yet: ${problem.problems.join(' ')}`;
    case 'tenets-conflict':
      return `Someone else changed the tenets while you were editing (they're now at version ${problem.version}), so I haven't saved yours. Please run \`/tenets edit\` again to start from theirs.`;
  }
}

export const orExplain = unwrapWith(explainOnboardingProblem);
