import { z } from 'zod';
import { DATA_DIR } from '../content/community.js';
import { ContentError, loadContentDir, type ContentResult } from '../content/load.js';
import { localize, translationsSchema } from '../i18n/content.js';
import type { Reader } from '../i18n/locales.js';
import { COMPONENT_LIMITS, MODAL_LIMITS } from '../presentation/embed-fit.js';
import { ProtocolId } from './practice-link.js';

/**
 * A protocol is a facilitated conversation in steps (`data/protocols/<id>.json`). Each step asks
 * the group something (`prompt`), helps the facilitator hold it (`guidance`) and says what the
 * step collects, which decides what "Add" asks for and how the step's message lists it:
 * - `answers`: free text (whys, restatements, interview questions, readiness notes);
 * - `causes`: free text sorted under a category, as on a fishbone;
 * - `choices`: the facilitator picks, from what earlier steps collected, what the group chose
 *   (root causes, questions to ask); members may also name one in their own words;
 * - `actions`: what we'll do, who owns it, by when.
 */

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Discord's limits for what these strings become: modal labels and placeholders. */
const fieldLabel = text(MODAL_LIMITS.label);
const placeholder = text(MODAL_LIMITS.placeholder);

const Answers = z.strictObject({
  kind: z.literal('answers'),
  label: fieldLabel,
  placeholder: placeholder.optional(),
});

const Causes = z.strictObject({
  kind: z.literal('causes'),
  label: fieldLabel,
  placeholder: placeholder.optional(),
  categories: z
    .array(text(80))
    .min(2, 'a fishbone needs at least 2 categories')
    .max(COMPONENT_LIMITS.selectOptions, `Discord offers at most ${COMPONENT_LIMITS.selectOptions} choices in a menu`)
    .refine((list) => new Set(list.map((c) => c.toLowerCase())).size === list.length, 'categories must be different from each other'),
});

const Choices = z.strictObject({
  kind: z.literal('choices'),
  /** What members name in their own words here, e.g. "A root cause". */
  label: fieldLabel,
  placeholder: placeholder.optional(),
  /** The summary's heading for what was chosen, e.g. "Root causes we chose". */
  heading: text(80),
  /** 1-based numbers of the earlier steps whose contributions are offered; all earlier ones if absent. */
  from: z.array(z.int().min(1)).min(1).optional(),
});

const Actions = z.strictObject({ kind: z.literal('actions') });

const Collects = z.discriminatedUnion('kind', [Answers, Causes, Choices, Actions]);

/**
 * A step's words in another language: its own and those of what it collects. Fishbone categories
 * are translated in the same order as the English ones, which stay what the database stores.
 */
const StepWords = z.object({
  title: text(80),
  prompt: text(600),
  guidance: text(900),
  label: fieldLabel,
  placeholder,
  heading: text(80),
  categories: z.array(text(80)),
});

const StepSchema = z
  .strictObject({
    title: text(80),
    prompt: text(600),
    guidance: text(900),
    collects: Collects,
    translations: translationsSchema(StepWords),
  })
  .superRefine((step, ctx) => {
    // A translation of a word the step doesn't have would never be shown: surely a mistake.
    const english = stepWords(step);
    for (const [language, words] of Object.entries(step.translations ?? {})) {
      for (const field of Object.keys(words ?? {}) as (keyof typeof english)[]) {
        if (english[field] === undefined) ctx.addIssue({ code: 'custom', message: `this step has no ${field} to translate`, path: ['translations', language, field] });
      }
      const categories = words?.categories;
      if (categories !== undefined && english.categories !== undefined && categories.length !== english.categories.length) {
        ctx.addIssue({ code: 'custom', message: `translate all ${english.categories.length} categories, in the same order`, path: ['translations', language, 'categories'] });
      }
    }
  });

type StepWords = z.output<typeof StepWords>;

/** The words of a step that a member reads, as written in English (only those the step has). */
function stepWords(step: { title: string; prompt: string; guidance: string; collects: z.output<typeof Collects> }): Partial<StepWords> & Pick<StepWords, 'title' | 'prompt' | 'guidance'> {
  const { collects } = step;
  return {
    title: step.title,
    prompt: step.prompt,
    guidance: step.guidance,
    ...(collects.kind === 'actions' ? {} : { label: collects.label }),
    ...(collects.kind !== 'actions' && collects.placeholder !== undefined ? { placeholder: collects.placeholder } : {}),
    ...(collects.kind === 'choices' ? { heading: collects.heading } : {}),
    ...(collects.kind === 'causes' ? { categories: collects.categories } : {}),
  };
}

export const ProtocolSchema = z
  .strictObject({
    title: text(60),
    /** One line, shown when choosing a protocol (autocomplete choices are at most 100 characters with the title). */
    summary: text(200),
    steps: z.array(StepSchema).min(2, 'a protocol needs at least 2 steps').max(20, 'keep a protocol to at most 20 steps'),
    translations: translationsSchema(z.object({ title: text(60), summary: text(200) })),
  })
  .superRefine((protocol, ctx) => {
    protocol.steps.forEach((step, index) => {
      if (step.collects.kind !== 'choices') return;
      for (const [at, number] of (step.collects.from ?? []).entries()) {
        const source = protocol.steps[number - 1];
        const problem =
          number > index
            ? `step ${number} is not before this step`
            : source === undefined || (source.collects.kind !== 'answers' && source.collects.kind !== 'causes')
              ? `step ${number} doesn't collect answers or causes to choose from`
              : undefined;
        if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['steps', index, 'collects', 'from', at] });
      }
    });
  });

export type Protocol = z.output<typeof ProtocolSchema> & { readonly id: string };
export type CollectKind = Protocol['steps'][number]['collects']['kind'];

/**
 * A protocol as one reader reads it: every word in the first of their languages that has it.
 * Its fishbone categories stay the English names the database stores (and forms send back);
 * `categoryName` is how one is shown to this reader.
 */
export interface ReadProtocol extends Protocol {
  categoryName(category: string): string;
}

export function localizeProtocol(protocol: Protocol, reader: Reader): ReadProtocol {
  const { title, summary } = localize({ title: protocol.title, summary: protocol.summary }, protocol.translations, reader).value;
  const names = new Map<string, string>();
  const steps = protocol.steps.map((step) => {
    const words = localize(stepWords(step), step.translations, reader).value;
    const { collects } = step;
    if (collects.kind === 'causes') {
      collects.categories.forEach((category, index) => {
        if (!names.has(category)) names.set(category, words.categories?.[index] ?? category);
      });
    }
    const read = { ...step, title: words.title, prompt: words.prompt, guidance: words.guidance };
    switch (collects.kind) {
      case 'actions':
        return read;
      case 'choices':
        return { ...read, collects: { ...collects, label: words.label ?? collects.label, placeholder: words.placeholder ?? collects.placeholder, heading: words.heading ?? collects.heading } };
      default:
        return { ...read, collects: { ...collects, label: words.label ?? collects.label, placeholder: words.placeholder ?? collects.placeholder } };
    }
  });
  return { ...protocol, title, summary, steps, categoryName: (category) => names.get(category) ?? category };
}

/** Every protocol by id, in the order they should be offered (by title). */
export type ProtocolCatalog = ReadonlyMap<string, Protocol>;

export const PROTOCOLS_DIR = `${DATA_DIR}protocols/`;

/** The steps whose contributions a `choices` step offers (0-based), per its `from` or all earlier text steps. */
export function candidateSteps(protocol: Protocol, stepIndex: number): number[] {
  const step = protocol.steps[stepIndex];
  if (step?.collects.kind !== 'choices') return [];
  const from = step.collects.from?.map((n) => n - 1);
  return protocol.steps
    .map((s, index) => ({ s, index }))
    .filter(({ s, index }) => index < stepIndex && (s.collects.kind === 'answers' || s.collects.kind === 'causes'))
    .filter(({ index }) => from === undefined || from.includes(index))
    .map(({ index }) => index);
}

/** Loads `data/protocols/*.json`; every problem in every file is reported together. */
export async function loadProtocols(dir = PROTOCOLS_DIR): Promise<ContentResult<ProtocolCatalog>> {
  const { entries, problems } = await loadContentDir(dir, ProtocolSchema, { id: ProtocolId });
  if (problems.length > 0) return { ok: false, error: new ContentError(problems) };
  if (entries.length === 0) {
    return { ok: false, error: new ContentError([{ file: dir, line: 1, column: 1, at: '', message: 'there are no protocols here (expected *.json files)' }]) };
  }
  const protocols: Protocol[] = entries.map(({ id, value }) => ({ ...value, id }));
  protocols.sort((a, b) => a.title.localeCompare(b.title));
  return { ok: true, value: new Map(protocols.map((p) => [p.id, p])) };
}

/** A protocol by its id (what autocomplete sends) or, if typed by hand, by its title in any language. */
export function findProtocol(catalog: ProtocolCatalog, typed: string): Protocol | undefined {
  const wanted = typed.trim().toLowerCase();
  const titles = (p: Protocol) => [p.title, ...Object.values(p.translations ?? {}).map((words) => words?.title)];
  return catalog.get(wanted) ?? [...catalog.values()].find((p) => titles(p).some((title) => title?.toLowerCase() === wanted));
}
