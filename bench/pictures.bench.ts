import { createPictureRenderer, fishboneDiagram, funnelChart, progressCard, runHistoryChart, whyChain, type Picture, type PictureRenderer } from '../src/pictures/index.js';
import { LARGE_COURSE, LARGE_FISHBONE, LARGE_FUNNEL, LARGE_HISTORY, LARGE_WHY_CHAIN } from '../test/pictures/samples.js';
import { defineBench, now, percentile, round, type Figures } from './support.js';

const WARMUP = 5;
const RUNS = 40;

interface Measured {
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  readonly cpu: number;
}

/** Building the SVG and rendering the PNG, one at a time: wall time, and the CPU time it cost. */
async function measure(renderer: PictureRenderer, build: () => Picture): Promise<Measured> {
  for (let i = 0; i < WARMUP; i++) await renderer.render(build());
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = now();
    const usage = process.cpuUsage();
    await renderer.render(build());
    const used = process.cpuUsage(usage);
    wall.push(now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: round(percentile(wall, 0.5), 1), p95: round(percentile(wall, 0.95), 1), max: round(Math.max(...wall), 1), cpu: round(percentile(cpu, 0.5), 1) };
}

export default defineBench({
  name: 'pictures',
  description:
    'Each picture at the largest realistic data (a 50-lesson course, a funnel of 10,000 members, 10 rituals × 12 runs with listen counts in the thousands, a fishbone of 69 causes, five whys of four long answers each), built and rendered to PNG: target under 100 ms each (wall median, p95 and max; CPU is the median process time it cost, which is what an idle machine waits).',
  async run(): Promise<Figures> {
    const renderer = createPictureRenderer();
    const started = now();
    const text = await renderer.textMeasure();
    await renderer.render(progressCard('card.png', LARGE_COURSE, text));
    const first = now() - started;
    const figures: Record<string, number> = { 'first picture, fonts loaded (ms)': round(first, 1) };
    const cases: ReadonlyArray<readonly [string, () => Picture]> = [
      ['progress card, 50 lessons', () => progressCard('card.png', LARGE_COURSE, text)],
      ['onboarding funnel, 10,000 members', () => funnelChart('funnel.png', LARGE_FUNNEL, text)],
      ['ritual history, 10 rituals × 12 runs', () => runHistoryChart('history.png', LARGE_HISTORY, text)],
      ['fishbone, 6 bones, 69 causes', () => fishboneDiagram('fishbone.png', LARGE_FISHBONE, text)],
      ['why-chain, 5 whys × 4 answers', () => whyChain('why-chain.png', LARGE_WHY_CHAIN, text)],
    ];
    for (const [name, build] of cases) {
      const { median, p95, max, cpu } = await measure(renderer, build);
      figures[`${name}: median ms`] = median;
      figures[`${name}: p95 ms`] = p95;
      figures[`${name}: max ms`] = max;
      figures[`${name}: CPU ms`] = cpu;
    }
    return figures;
  },
});
