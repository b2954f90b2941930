import { clearLine, createInterface, cursorTo } from 'node:readline';

/**
 * Where the session reads lines and writes text. Lines are queued and handed out one at a time, so
 * piped input runs strictly in order however fast it arrives; the end of input (a pipe running
 * dry, Ctrl-D) reads as `null`.
 */

/** Ctrl-C pressed while a form was asking: the form closes, the sandbox stays. */
export const INTERRUPTED: unique symbol = Symbol('Ctrl-C');
export type Interrupted = typeof INTERRUPTED;

export interface Io {
  /** A person is typing: prompts are shown and a mistake in a form is asked again. */
  readonly interactive: boolean;
  /** A command line. Ctrl-C here leaves the sandbox, as quit does, so it reads as `null`. */
  next(prompt: string): Promise<string | null>;
  /** An answer inside a form, where Ctrl-C closes only the form. */
  answer(prompt: string): Promise<string | null | Interrupted>;
  print(...lines: string[]): void;
  close(): void;
}

export function terminalIo(input: NodeJS.ReadableStream & { readonly isTTY?: boolean }, output: NodeJS.WriteStream): Io {
  const interactive = input.isTTY === true && output.isTTY === true;
  const rl = createInterface({ input, output, terminal: interactive });
  const queue: string[] = [];
  let ended = false;
  let waiting: ((line: string | null | Interrupted) => void) | undefined;
  let inForm = false;

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
  rl.on('SIGINT', () => {
    // In a form, Ctrl-C means "not this form", never "leave everything": the half-typed line goes too.
    if (inForm && waiting) {
      const resolve = waiting;
      waiting = undefined;
      rl.write(null, { ctrl: true, name: 'u' });
      output.write('^C\n');
      resolve(INTERRUPTED);
      return;
    }
    // Elsewhere Ctrl-C leaves the sandbox the same way quit does, so the bot still stops cleanly.
    rl.close();
  });

  const read = (prompt: string, form: boolean): Promise<string | null | Interrupted> => {
    const queued = queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      inForm = form;
      waiting = resolve;
      if (interactive) {
        rl.setPrompt(prompt);
        rl.prompt();
      }
    });
  };

  return {
    interactive,
    async next(prompt) {
      const line = await read(prompt, false);
      return line === INTERRUPTED ? null : line;
    },
    answer: (prompt) => read(prompt, true),
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

/**
 * Lines given up front, output kept: for tests and scripted runs inside one process. INTERRUPTED
 * among the lines stands for Ctrl-C pressed at that point.
 */
export function memoryIo(lines: readonly (string | Interrupted)[]): Io & { readonly output: string[] } {
  const pending = [...lines];
  const output: string[] = [];
  return {
    interactive: false,
    output,
    next: () => {
      const line = pending.shift() ?? null;
      return Promise.resolve(line === INTERRUPTED ? null : line);
    },
    answer: () => Promise.resolve(pending.shift() ?? null),
    print: (...printed) => void output.push(...printed),
    close: () => undefined,
  };
}
