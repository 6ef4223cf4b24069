-- Columns that hold text from the exports or from recipients.csv lose their length limit, so that no value can
-- stop a run: a feedback category over 200 characters stopped every run at the snapshots ("Value too long for
-- column SCOPE_CODE VARCHAR(200)"), a unit code over 40 characters every delivery after it. The reader rejects,
-- as a row with its reason, a value over 32,767 characters (Excel's limit for a cell); every other value is held
-- whole. Only the column types change, in SQL-standard ALTER COLUMN ... SET DATA TYPE, which H2 2.x and
-- PostgreSQL both run; keys and constraints stay as they are. VARCHAR without a length is unbounded on
-- PostgreSQL and up to 1,000,000 characters on H2 (see V1).
ALTER TABLE indicator_snapshot ALTER COLUMN scope_code SET DATA TYPE VARCHAR;
ALTER TABLE delivery ALTER COLUMN unit_code SET DATA TYPE VARCHAR;
ALTER TABLE delivery ALTER COLUMN recipient_email SET DATA TYPE VARCHAR;
ALTER TABLE delivery ALTER COLUMN message_id SET DATA TYPE VARCHAR;
