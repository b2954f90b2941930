import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

/** Committed reference pictures; `UPDATE_PICTURES=1 npx vitest run …` rewrites them after a deliberate change. */
export const REFERENCES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pictures');

/** A channel may differ by this much (of 255) before the pixel counts as different: antialiasing across libraries. */
const CHANNEL_TOLERANCE = 24;
/** At most this share of pixels may differ. */
const PIXEL_SHARE = 0.002;

export interface PictureDifference {
  readonly width: number;
  readonly height: number;
  readonly differing: number;
}

export function comparePngs(actual: Buffer, expected: Buffer): PictureDifference | 'different size' {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(expected);
  if (a.width !== b.width || a.height !== b.height) return 'different size';
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0)) > CHANNEL_TOLERANCE) {
        differing += 1;
        break;
      }
    }
  }
  return { width: a.width, height: a.height, differing };
}

/** The PNG looks like the committed reference `name`, within a small pixel tolerance. */
export function expectLikeReference(png: Buffer | undefined, name: string): void {
  expect(png, `no PNG to compare with ${name}`).toBeInstanceOf(Buffer);
  if (png === undefined) return;
  const reference = join(REFERENCES, name);
  if (process.env.UPDATE_PICTURES === '1') {
    mkdirSync(REFERENCES, { recursive: true });
    writeFileSync(reference, png);
    return;
  }
  if (!existsSync(reference)) throw new Error(`No reference picture ${reference}: run UPDATE_PICTURES=1 on this test, look at the picture, and commit it.`);
  const difference = comparePngs(png, readFileSync(reference));
  const allowed = difference === 'different size' ? 0 : Math.floor(difference.width * difference.height * PIXEL_SHARE);
  if (difference === 'different size' || difference.differing > allowed) {
    const saved = join(mkdtempSync(join(tmpdir(), 'roots-picture-')), name);
    writeFileSync(saved, png);
    const how = difference === 'different size' ? 'has a different size' : `differs in ${difference.differing} pixels (${allowed} allowed)`;
    throw new Error(`The picture ${how} from ${reference}; this run's picture is at ${saved}`);
  }
}
