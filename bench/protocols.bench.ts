import { sqliteAt } from '../src/db/target.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Harness, type ChannelRecord, type MessageRecord, type MessageView, type UserRecord, type WorldEvent } from '@roots-bot/discord-emulator';
import { createLogger } from '../src/logger.js';
import { startBotOnEmulator } from '../src/sandbox/sandbox-bot.js';
import { defineBench, now, percentile, round, type Figures } from './support.js';

const RUNS = 200;
const CHANNELS = 4;
const MEMBERS = 40;
/** Members who may add to each run; they take turns. */
const MEMBERS_PER_RUN = 2;
const STARTS_IN_FLIGHT = 20;
/** One Add per run before measuring: warms the JIT and the connections. */
const WARMUP_ADDS = RUNS;
/** Steady load: this many members pressing Add across the runs at any moment. */
const IN_FLIGHT = 50;
const MEASURED_ADDS = 2_000;

interface OpenRun {
  readonly thread: ChannelRecord;
  readonly stepMessageId: string;
}

/**
 * Resolves when a message is edited (or posted) to contain some text. One listener for every
 * waiter, keyed by message id: hundreds of waiters at once must not each inspect every event.
 */
class Sightings {
  readonly #waiting = new Map<string, { text: string; resolve: () => void }[]>();
  readonly #listener = (event: WorldEvent) => {
    if (event.type !== 'message' && event.type !== 'messageUpdate') return;
    const waiters = this.#waiting.get(event.record.message.id);
    if (waiters === undefined) return;
    const shown = this.#text(event.record);
    const still = waiters.filter((w) => {
      if (!shown.includes(w.text)) return true;
      w.resolve();
      return false;
    });
    if (still.length === 0) this.#waiting.delete(event.record.message.id);
    else this.#waiting.set(event.record.message.id, still);
  };

  constructor(private readonly harness: Harness) {
    harness.world.events.on('change', this.#listener);
  }

  #text(record: MessageRecord): string {
    return record.message.embeds.map((e) => e.description ?? '').join('\n');
  }

  waitFor(messageId: string, text: string): Promise<void> {
    return new Promise((resolve) => {
      const list = this.#waiting.get(messageId) ?? [];
      list.push({ text, resolve });
      this.#waiting.set(messageId, list);
    });
  }

  close(): void {
    this.harness.world.events.off('change', this.#listener);
  }
}

async function startRuns(harness: Harness, channels: readonly ChannelRecord[], members: readonly UserRecord[]): Promise<OpenRun[]> {
  const runs: OpenRun[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: STARTS_IN_FLIGHT }, async () => {
      while (next < RUNS) {
        const index = next++;
        const channel = channels[index % channels.length] as ChannelRecord;
        const starter = members[index % members.length] as UserRecord;
        const reply = await harness.as(starter).run(channel, 'protocol start', { protocol: 'five-whys', topic: `Bench problem number ${index}` });
        if (reply.kind !== 'message') throw new Error('no reply to /protocol start');
        const threadId = /<#(\d+)>/.exec(reply.message.content)?.[1];
        if (threadId === undefined) throw new Error(`not started: ${reply.message.content}`);
        const step = harness.read(threadId).find((m: MessageView) => m.buttons.length > 0);
        if (step === undefined) throw new Error('no step message');
        runs.push({ thread: harness.world.channel(threadId), stepMessageId: step.id });
      }
    }),
  );
  return runs;
}

/** One Add round trip: click, fill the form, submit, until the step message shows the text. */
async function addOnce(harness: Harness, sightings: Sightings, member: UserRecord, run: OpenRun, text: string): Promise<number> {
  const started = now();
  const step = harness.read(run.thread.id).find((m) => m.id === run.stepMessageId);
  if (step === undefined) throw new Error('the step message is gone');
  const form = await harness.as(member).click(step, 'Add');
  if (form.kind !== 'modal') throw new Error(`expected the form, got ${form.kind}`);
  const shown = sightings.waitFor(run.stepMessageId, text);
  const submitted = await harness.as(member).submit(form.modal, { text });
  if (submitted.kind !== 'update') throw new Error(`the contribution was refused: ${submitted.kind === 'message' ? submitted.message.content : submitted.kind}`);
  await shown;
  return now() - started;
}

interface Load {
  readonly latencies: number[];
  /** Adds the member saw fail ("This interaction failed"), counted rather than fatal. */
  failed: number;
  seconds: number;
}

/** `total` Adds spread over the runs, `inFlight` at any moment, each by one of the run's members. */
async function addLoad(harness: Harness, sightings: Sightings, runs: readonly OpenRun[], members: readonly UserRecord[], total: number, inFlight: number, label: string): Promise<Load> {
  const load: Load = { latencies: [], failed: 0, seconds: 0 };
  let next = 0;
  const began = now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        const i = next++;
        const r = i % runs.length;
        const member = members[(r * MEMBERS_PER_RUN + Math.floor(i / runs.length)) % members.length] as UserRecord;
        try {
          load.latencies.push(await addOnce(harness, sightings, member, runs[r] as OpenRun, `${label} ${i}`));
        } catch {
          load.failed += 1;
        }
      }
    }),
  );
  load.seconds = (now() - began) / 1000;
  return load;
}

const ms = (samples: readonly number[], q: number) => round(percentile(samples, q));

export default defineBench({
  name: 'protocols: 200 open at once',
  description: `${RUNS} 5 Whys open at once in ${CHANNELS} channels, with Discord-like rate limits; members add across all of them, ${IN_FLIGHT} at any moment (then a burst: one Add in every run at the same moment). Latency is one "Add" round trip: the click, the form, the submit, until the step message shows the contribution. Emulator, harness and bot share one Node thread, so the bot alone, talking to Discord, has more room than these figures show.`,
  async run(): Promise<Figures> {
    const harness = await Harness.start();
    const guild = harness.guild('Bench', { owner: 'owner' });
    const channels = Array.from({ length: CHANNELS }, (_, i) => harness.channel(guild, `team-${i}`));
    const members = Array.from({ length: MEMBERS }, (_, i) => harness.member(guild, `teacher${i}`));
    const bot = await startBotOnEmulator(harness.emulator, {
      database: sqliteAt(`${mkdtempSync(`${tmpdir()}/roots-bench-`)}/bench.sqlite`),
      logger: createLogger({ level: 'silent' }),
    });
    const sightings = new Sightings(harness);
    try {
      const startedAt = now();
      const runs = await startRuns(harness, channels, members);
      const startSeconds = (now() - startedAt) / 1000;

      await addLoad(harness, sightings, runs, members, WARMUP_ADDS, STARTS_IN_FLIGHT, 'warm-up');
      const requestsBefore = harness.emulator.requests.length;
      const steady = await addLoad(harness, sightings, runs, members, MEASURED_ADDS, IN_FLIGHT, 'steady');
      const requests = harness.emulator.requests.length - requestsBefore;
      // Every run's members at the same moment: the worst a Monday-morning meeting could bring.
      const burst = await addLoad(harness, sightings, runs, members, RUNS, RUNS, 'burst');
      const stored = await bot.db.selectFrom('protocol_contributions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const limits = harness.emulator.limiter.stats();
      return {
        'runs open at once': runs.length,
        'starting them (runs/s; thread creation is rate-limited)': round(RUNS / startSeconds, 1),
        [`steady, ${IN_FLIGHT} Adds in flight: contributions/s`]: round(steady.latencies.length / steady.seconds, 0),
        [`steady: Add round trip p50 / p99 / max (ms)`]: `${ms(steady.latencies, 0.5)} / ${ms(steady.latencies, 0.99)} / ${ms(steady.latencies, 1)}`,
        'steady: HTTP requests per contribution': round(requests / Math.max(1, steady.latencies.length), 2),
        [`burst, ${RUNS} Adds at once: answered / failed`]: `${burst.latencies.length} / ${burst.failed}`,
        'burst: Add round trip p50 / p99 (ms)': `${ms(burst.latencies, 0.5)} / ${ms(burst.latencies, 0.99)}`,
        'contributions stored / answered': `${Number(stored.n)} / ${WARMUP_ADDS + steady.latencies.length + burst.latencies.length}`,
        'failed Adds in the steady load': steady.failed,
        '429s (user / global / shared)': `${limits.rejected.user} / ${limits.rejected.global} / ${limits.rejected.shared}`,
      };
    } finally {
      sightings.close();
      await bot.stop();
      await harness.close();
    }
  },
});
