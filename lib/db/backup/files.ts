import "server-only";
// Where a backup's evidence files go: the directory `<backup>.files/` beside the database file, one file per storage
// key (lib/storage/backup.ts copies them from and to the configured storage).

/** Where the files of a backup live: beside the database file, named after it. */
export function filesDirOf(backupFile: string): string {
  return `${backupFile}.files`;
}
