// Pack imports store their assets before the one transaction that writes the client, designs and
// posts. Each asset row an import adds is noted here in the same transaction as the row, and the
// notes go in the import's final transaction. A note that outlives its process (kill -9, power
// cut) marks an asset that nothing was ever written to use: start-up and gc remove it.
export const importJournalSchema = /* sql */ `
CREATE TABLE import_journal (
  asset_sha256 TEXT PRIMARY KEY REFERENCES assets (sha256) ON DELETE CASCADE,
  import_id    TEXT NOT NULL,
  pid          INTEGER NOT NULL,
  started_at   INTEGER NOT NULL
);
CREATE INDEX import_journal_by_import ON import_journal (import_id);
`;
