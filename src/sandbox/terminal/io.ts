import { clearLine, createInterface, cursorTo } from 'node:readline';

/**
 * Where the session reads lines and writes text. Lines are queued and handed out one at a time, so
 * piped input runs strictly in order however fast it arrives; the end of input (a pipe running
 * dry, Ctrl-D, Ctrl-C) reads as `null`.
 */
export interface Io {
  /** A person is typing: prompts are shown and a mistake in a form is asked again. */
  readonly interactive: boolean;
  next(prompt: string): Promise<string | null>;
  print(...lines: string[]): void;
  close(): void;
}

export function terminalIo(input: NodeJS.ReadableStream & { readonly isTTY?: boolean }, output: NodeJS.WriteStream): Io {
  const interactive = input.isTTY === true && output.isTTY === true;
  const rl = createInterface({ input, output, terminal: interactive });
  const queue: string[] = [];
  let ended = false;
  let waiting: ((line: string | null) => void) | undefined;

  rl.on('line', (line) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(line);
    } else {
      queue.push(line);
    }
  });
  rl.on('close', () => {
    ended = true;
    waiting?.(null);
    waiting = undefined;
  });
  // Ctrl-C leaves the sandbox the same way quit does, so the bot still stops cleanly.
  rl.on('SIGINT', () => rl.close());

  return {
    interactive,
    next(prompt) {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      if (ended) return Promise.resolve(null);
      return new Promise((resolve) => {
        waiting = resolve;
        if (interactive) {
          rl.setPrompt(prompt);
          rl.prompt();
        }
      });
    },
    print(...lines) {
      // Something arrived while a person is typing: print above their half-written line, then redraw it.
      const redraw = interactive && waiting !== undefined;
      if (redraw) {
        clearLine(output, 0);
        cursorTo(output, 0);
      }
      output.write(lines.map((line) => `${line}\n`).join(''));
      if (redraw) rl.prompt(true);
    },
    close() {
      rl.close();
    },
  };
}

/** Lines given up front, output kept: for tests and scripted runs inside one process. */
export function memoryIo(lines: readonly string[]): Io & { readonly output: string[] } {
  const pending = [...lines];
  const output: string[] = [];
  return {
    interactive: false,
    output,
    next: () => Promise.resolve(pending.shift() ?? null),
    print: (...printed) => void output.push(...printed),
    close: () => undefined,
  };
}
