import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { buildDemoGuild, findDemoGuild } from '../../src/sandbox/demo-guild.js';
import { Harness, restoreWorld, snapshotWorld, World } from '@roots-bot/discord-emulator';
import { openSandboxData, WorldKeeper, worldPathFor } from '../../src/sandbox/world-file.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

async function demoWorld() {
  const harness = await Harness.start({ rateLimits: { disabled: true } });
  harnesses.push(harness);
  const demo = harness.world.withStableIds(() => buildDemoGuild(harness));
  return { harness, demo };
}

describe('the sandbox world file', () => {
  it('keeps members who joined, threads with their archived state, messages and files, and the clock', async () => {
    const { harness, demo } = await demoWorld();
    const dave = harness.join(demo.guild, 'dave');
    harness.as(dave).say(demo.channels.general, 'Hello ⚠️');
    const thread = harness.world.createThread({ parentId: demo.channels.poems.id, name: 'Week 1', ownerId: harness.emulator.bot.id, type: 11 });
    harness.world.updateThread(thread.id, { archived: true });
    harness.world.files.set('123', { filename: 'r.csv', contentType: 'text/csv', data: Buffer.from('a,b\n') });

    const databasePath = `${mkdtempSync(`${tmpdir()}/roots-world-`)}/sandbox.sqlite`;
    writeFileSync(databasePath, '');
    const clock = new ManualClock(Date.UTC(2030, 0, 1));
    const keeper = new WorldKeeper(databasePath, harness, clock);
    keeper.close();

    const opening = openSandboxData(databasePath, Date.now() - 60_000);
    if (opening.kind !== 'restored') throw new Error(`expected a restored world, got ${JSON.stringify(opening)}`);
    // The real clock read earlier than at saving: the sandbox clock still never goes back.
    expect(opening.clockStart).toBe(Date.UTC(2030, 0, 1));
    const world = new World();
    restoreWorld(world, opening.world);
    expect(findDemoGuild(world)?.guild.members.has(dave.id)).toBe(true);
    expect(world.channel(thread.id).thread?.archived).toBe(true);
    expect(world.messagesIn(demo.channels.general.id).map((r) => r.message.content)).toEqual(['Hello ⚠️']);
    expect(world.files.get('123')?.data.toString()).toBe('a,b\n');
    expect(snapshotWorld(world, opening.world.botUserId)).toEqual(opening.world);
  });

  it('starts both fresh, moving the old files aside, when the world is corrupt or either half is missing', () => {
    const dir = mkdtempSync(`${tmpdir()}/roots-world-`);
    const databasePath = `${dir}/sandbox.sqlite`;
    expect(openSandboxData(databasePath)).toEqual({ kind: 'fresh', note: null });

    writeFileSync(databasePath, 'db');
    writeFileSync(`${databasePath}-wal`, 'wal');
    const onlyDatabase = openSandboxData(databasePath, Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(onlyDatabase.kind).toBe('fresh');
    expect(onlyDatabase.kind === 'fresh' && onlyDatabase.note).toContain('the old file is kept as sandbox.sqlite.old-20260102T030405');
    expect(existsSync(databasePath)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['sandbox.sqlite.old-20260102T030405', 'sandbox.sqlite.old-20260102T030405-wal']);

    writeFileSync(databasePath, 'db');
    writeFileSync(worldPathFor(databasePath), '{ not json');
    const corrupt = openSandboxData(databasePath, Date.UTC(2026, 0, 3));
    expect(corrupt.kind === 'fresh' && corrupt.note).toMatch(/^The saved sandbox couldn't be opened: it isn't valid JSON\. So the bot and its pretend Discord both start fresh\. Nothing is lost/);
    expect(existsSync(worldPathFor(databasePath))).toBe(false);
    expect(existsSync(databasePath)).toBe(false);

    writeFileSync(databasePath, 'db');
    writeFileSync(worldPathFor(databasePath), JSON.stringify({ version: 99 }));
    const other = openSandboxData(databasePath, Date.UTC(2026, 0, 4));
    expect(other.kind === 'fresh' && other.note).toContain('it was saved by a different version of the sandbox');
  });
});
