import "server-only";
// A backup or restore that was refused for a reason the operator can act on (message in Chinese, exit code 1),
// as opposed to a bug, which the CLI prints with its stack.
export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupRefused";
  }
}
