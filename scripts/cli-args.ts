// Command-line arguments of the operator scripts (`npm run export`, `npm run backup`): flags with a value and
// switches, taken one by one; every mistake is a UsageError with a Chinese message, which the script prints with
// its usage before exiting with code 2.
export class UsageError extends Error {}

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
