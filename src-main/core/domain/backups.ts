// Why a backup was made; part of its file name (db/snapshot.ts) and of `backups.list` (contract).
export const BACKUP_KINDS = ['auto', 'quit', 'manual', 'pre-migration', 'kept-aside'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
