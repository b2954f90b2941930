import { Harness } from '@roots-bot/discord-emulator';
import { DEFAULT_RUNTIME_OPTIONS } from '../src/rituals/discord/runtime.js';
import { killMidFanOut } from '../test/support/kill-mid-fan-out.js';
import { NO_POSTGRES, postgresBenchTarget } from './postgres.js';
import { defineBench, round, type Figures } from './support.js';

/**
 * The multi-process crash test (test/db/multi-process.test.ts) at the size: 3 bot processes
 * on one PostgreSQL, a ritual due in 1,000 servers, one process killed with SIGKILL at a random
 * point mid fan-out and another started in its place. Fails unless every server has exactly one
 * post; reports how long it took. `MULTI_PROCESS_BENCH_GUILDS` changes the size.
 */
const GUILDS = Number(process.env.MULTI_PROCESS_BENCH_GUILDS ?? 1_000);
const PROCESSES = 3;

export default defineBench({
  name: 'multi-process: kill -9 mid fan-out',
  description: `${PROCESSES} bot processes, one PostgreSQL, a ritual due in ${GUILDS.toLocaleString('en')} servers (Discord's rate limits off: the database and the processes are measured), one process killed at a random point and replaced; every server must end with exactly one post.`,
  async run(): Promise<Figures> {
    const postgres = await postgresBenchTarget('crash');
    if (!postgres) return { PostgreSQL: NO_POSTGRES };
    const harness = await Harness.start({ rateLimits: { disabled: true } });
    try {
      const crash = await killMidFanOut(harness, postgres.target, { guilds: GUILDS, processes: PROCESSES });
      const missing = crash.postsPerServer.filter((n) => n === 0).length;
      const twice = crash.postsPerServer.filter((n) => n > 1).length;
      const notPosted = crash.ledger.filter((state) => state !== 'posted').length;
      if (missing > 0 || twice > 0 || crash.ledger.length !== GUILDS || notPosted > 0) {
        throw new Error(`not exactly once: ${missing} servers without their post, ${twice} with it twice, ${crash.ledger.length} occurrences (${notPosted} not posted)`);
      }
      return {
        servers: GUILDS,
        'posted when the process was killed': crash.killedAfter,
        'seconds from due to the kill': round(crash.secondsToKill, 1),
        'seconds from the restart to the last post': round(crash.secondsAfterRestart, 1),
        'servers without their post / with it twice': `${missing} / ${twice}`,
        'posts sent (at most servers + 16 in flight when killed)': `${crash.sends} (limit ${GUILDS + DEFAULT_RUNTIME_OPTIONS.concurrency})`,
      };
    } finally {
      await harness.close();
      await postgres.done();
    }
  },
});
