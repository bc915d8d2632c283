// Command-line arguments of the operator scripts (`npm run export`, `npm run backup`): flags with a value and
// switches, taken one by one; every mistake is a UsageError with a Chinese message, which the script prints with
// its usage before exiting with code 2.
export class UsageError extends Error {}

/** A refusal meant for the operator (a missing file, an unknown report): printed as it is, exit code 1. */
export class Refused extends Error {}

type Options = {
  usage: string;
  /** What an unexpected error's message is prefixed with, e.g. "导出失败". */
  failure: string;
  /** Further error classes whose message is printed as it is. */
  refusals?: (abstract new (...args: never[]) => Error)[];
  /** End the process at once (a client that keeps a socket open would otherwise hold it). */
  exit?: boolean;
};

/** Runs a script's main: exit code 0 or what main returns; 2 with the usage for a UsageError; 1 otherwise. */
export function runCli(main: (argv: string[]) => Promise<number>, options: Options): void {
  // exitCode, not exit(), unless asked: a long export piped to a file must be written out in full before the end.
  const end = (code: number) => (options.exit ? process.exit(code) : (process.exitCode = code));
  main(process.argv.slice(2)).then(end, (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${options.usage}`);
      return end(2);
    }
    const plain = [Refused, ...(options.refusals ?? [])].some((kind) => error instanceof kind);
    const message = error instanceof Error ? error.message : String(error);
    console.error(plain ? message : `${options.failure}：${message}`);
    return end(1);
  });
}

export function argsOf(argv: string[]) {
  const args = [...argv];
  return {
    /** The value after `flag` (`--out a.docx`), or undefined when the flag is absent. */
    value(flag: string): string | undefined {
      const at = args.indexOf(flag);
      if (at < 0) return undefined;
      const value = args[at + 1];
      if (!value || value.startsWith("--")) throw new UsageError(`${flag} 后应跟一个值`);
      args.splice(at, 2);
      return value;
    },
    /** Whether the switch (`--force`) is present. */
    flag(name: string): boolean {
      const at = args.indexOf(name);
      if (at >= 0) args.splice(at, 1);
      return at >= 0;
    },
    /** Refuses whatever no one took. */
    done(): void {
      if (args.length) throw new UsageError(`无法识别的参数：${args.join(" ")}`);
    },
  };
}
