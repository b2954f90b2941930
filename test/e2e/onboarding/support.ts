import type { ChannelRecord, EmulatorOptions, GuildRecord, Harness, MessageView, ModalView, Response, UserRecord } from '@roots-bot/discord-emulator';
import { ManualClock } from '../../../src/clock.js';
import type { Feature } from '../../../src/features/feature.js';
import type { MessageValues } from '../../../src/i18n/catalogue.js';
import { createOnboardingFeature } from '../../../src/onboarding/discord/feature.js';
import { onboardingMessages } from '../../../src/onboarding/discord/messages.js';
import { startTestBed, type TestBed } from '../../support/bot.js';
import { said } from '../../support/i18n.js';

type OnboardingKey = ReturnType<typeof onboardingMessages.keys>[number];

/** What onboarding says to a reader of `locale` (English unless given). */
export const onboardingSays = (key: OnboardingKey, values?: MessageValues, locale?: string): string => said(onboardingMessages, key, values, locale);

/** A Roots server with the channels onboarding uses, set up by its owner, on a clock the test moves. */
export interface OnboardingScene {
  readonly bed: TestBed;
  readonly h: Harness;
  readonly clock: ManualClock;
  readonly guild: GuildRecord;
  readonly morgan: UserRecord;
  readonly erin: UserRecord;
  readonly general: ChannelRecord;
  readonly introductions: ChannelRecord;
  readonly welcome: ChannelRecord;
  readonly modLog: ChannelRecord;
  readonly memberRoleId: string;
}

export const START = new Date('2026-11-24T09:00:00.000Z');
export const DAY = 86_400_000;

export interface SceneOptions {
  /** Put the member role above the bot's own role, where Discord won't let the bot grant it. */
  readonly roleAboveBot?: boolean;
  readonly rulesScreening?: boolean;
  /** What the bot's own role may do; the harness default otherwise (Manage Roles included). */
  readonly botPermissions?: bigint;
  /** Extra `/onboarding setup` options. */
  readonly setup?: Readonly<Record<string, string | number>>;
  /** The emulator's own settings, such as a tighter brake on opening DMs. */
  readonly emulator?: EmulatorOptions;
  /** The server's Discord language (`preferred_locale`); en-US otherwise. */
  readonly preferredLocale?: string;
  /** The bot's features: onboarding only unless a test walks a member on into the others. */
  readonly features?: () => readonly Feature[];
}

export async function startOnboardingScene(options: SceneOptions = {}): Promise<OnboardingScene> {
  const clock = new ManualClock(START);
  let scene: Omit<OnboardingScene, 'bed' | 'h' | 'clock'> | undefined;
  const bed = await startTestBed(
    (h) => {
      const guild = h.guild('Roots', {
        owner: 'morgan',
        rulesScreening: options.rulesScreening ?? false,
        ...(options.botPermissions === undefined ? {} : { botPermissions: options.botPermissions }),
        ...(options.preferredLocale === undefined ? {} : { preferredLocale: options.preferredLocale }),
      });
      // The bot's role is at position 1; a role placed at 2 sits above it.
      const memberRoleId = options.roleAboveBot ? h.world.createRole(guild.id, { name: 'Member', position: 2 }).id : h.role(guild, 'Member');
      scene = {
        guild,
        memberRoleId,
        morgan: h.user('morgan'),
        erin: h.member(guild, 'erin'),
        general: h.channel(guild, 'general'),
        introductions: h.channel(guild, 'introductions'),
        welcome: h.channel(guild, 'welcome'),
        modLog: h.channel(guild, 'mod-log'),
      };
    },
    // Only this feature, so these tests don't lean on other features' work in progress.
    { clock, features: options.features ?? (() => [createOnboardingFeature()]), ...(options.emulator ? { emulator: options.emulator } : {}) },
  );
  if (!scene) throw new Error('the scene was not set up');
  const h = bed.harness;
  const setup = await h.as(scene.morgan).run(scene.general, 'onboarding setup', {
    'member-role': 'Member',
    introductions: '#introductions',
    'welcome-channel': '#welcome',
    'log-channel': '#mod-log',
    ...options.setup,
  });
  if (setup.kind !== 'message') throw new Error('setup did not answer');
  return { bed, h, clock, ...scene };
}

export function message(response: Response): MessageView {
  if (response.kind === 'message') return response.message;
  if (response.kind === 'update' && response.message !== null) return response.message;
  throw new Error(`expected a message, got ${response.kind}`);
}

export function modal(response: Response): ModalView {
  if (response.kind !== 'modal') throw new Error(`expected a form, got ${response.kind}`);
  return response.modal;
}

/** The bot's next message in `user`'s DMs (the DM channel may not exist yet). */
export function nextDm(h: Harness, user: UserRecord, where: (m: MessageView) => boolean = () => true): Promise<MessageView> {
  return h.nextPost({ where: (m) => m.channelId === h.dmOf(user)?.id && where(m) });
}

/** `user` joins the server; resolves with the bot's welcome in their DMs, the walk at its first tenet. */
export async function joinAndWelcome(scene: Pick<OnboardingScene, 'h' | 'guild'>, user: UserRecord): Promise<MessageView> {
  const welcome = nextDm(scene.h, user);
  scene.h.join(scene.guild, user.username);
  return welcome;
}

/** Commits to `count` tenets in a row on the walk message, its buttons in `locale`'s words; returns it at the step after. */
export async function commitTo(h: Harness, user: UserRecord, walk: MessageView, count: number, locale?: string): Promise<MessageView> {
  const commit = onboardingSays('walk.tenet.commit', undefined, locale);
  let current = walk;
  for (let i = 0; i < count; i += 1) current = message(await h.as(user).click(current, commit));
  return current;
}

export const DAVE_INTRO = { name: 'Dave Okafor', role: ['coach'], 'school-region': 'Leeds, UK', reasons: ['siloed', 'new-ideas'], note: 'I coach new maths teachers.' };

/**
 * Fills in the introduction and waits for what follows: the walk message turning into its
 * summary, and (when there is a channel for it) the post in #introductions.
 */
export async function introduce(
  h: Harness,
  user: UserRecord,
  walk: MessageView,
  intros: ChannelRecord | null,
  values: Readonly<Record<string, string | readonly string[]>> = DAVE_INTRO,
  locale?: string,
) {
  // "You're all set, {name}! 🎉": whoever the member is, the title starts with what comes before the name.
  const [allSet = ''] = onboardingSays('finished.title', { name: '\u0000' }, locale).split('\u0000');
  const summary = h.nextPost({ where: (m) => m.id === walk.id && (m.embeds[0]?.title ?? '').startsWith(allSet) });
  const post = intros ? h.nextPost({ channelId: intros.id }) : Promise.resolve(undefined);
  const form = modal(await h.as(user).click(walk, onboardingSays('walk.introduce.button', undefined, locale)));
  await h.as(user).submit(form, values);
  return { summary: await summary, post: await post, form };
}

/**
 * Waits until the bot has recorded `userId`'s walk. A join that sends nothing (rules screening)
 * leaves no message to wait on, so the database is the only witness.
 */
export async function walkRecorded(scene: OnboardingScene, userId: string, timeoutMs = 5000): Promise<void> {
  await walkWhere(scene, userId, 'no walk recorded', () => true, timeoutMs);
}

/** Waits until the bot has recorded that the member left (GUILD_MEMBER_REMOVE is handled apart from the click that follows it). */
export async function leaveRecorded(scene: OnboardingScene, userId: string, timeoutMs = 5000): Promise<void> {
  await walkWhere(scene, userId, 'no leave recorded', (row) => row.left_at !== null, timeoutMs);
}

async function walkWhere(scene: OnboardingScene, userId: string, missing: string, holds: (row: { left_at: string | null }) => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await scene.bed.bot.db.selectFrom('onboarding_walks').select('left_at').where('user_id', '=', userId).executeTakeFirst();
    if (row && holds(row)) return;
    if (Date.now() > deadline) throw new Error(`${missing} for ${userId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
