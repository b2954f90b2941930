/**
 * A typed name for one feature, so a command reaches the running feature of its own bot
 * (`ctx.features.get(RITUALS)`) without a module-level registry: tests run several bots in one
 * process, each with its own features.
 */
export interface FeatureKey<F> {
  readonly name: string;
  /** Never set: it only carries the feature's type. */
  readonly feature?: F;
}

export const featureKey = <F>(name: string): FeatureKey<F> => ({ name });

/** The features one bot runs, by name. Names are unique (`startBot` refuses two of one name). */
export interface FeatureSet {
  get<F>(key: FeatureKey<F>): F | undefined;
}

export function featureSet(features: ReadonlyArray<{ readonly name: string }>): FeatureSet {
  const byName = new Map(features.map((feature) => [feature.name, feature]));
  return {
    // The key's name picks the feature; the key's type is the one that feature declared for it.
    get: <F>(key: FeatureKey<F>) => byName.get(key.name) as F | undefined,
  };
}
