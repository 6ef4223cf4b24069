-- Wrong passwords counted in the store, and audit details kept with the words they are shown in. Portable SQL, as V1:
-- the same file runs on H2 and PostgreSQL.

-- The sign-in throttle's counts, shared by every console node on the store (in memory, ten wrong passwords on one
-- node slowed only that node, and a proxy sending each try to the next node halved the wait). counted is
-- 'user:<name>' or 'addr:<address>'; wait_until is when the next sign-in for it may be tried (NULL: now); a count
-- with no failure for a day is forgotten (last_failed).
CREATE TABLE console_login_failure (
    counted         VARCHAR(300)  NOT NULL PRIMARY KEY,
    failures        INTEGER       NOT NULL,
    wait_until      TIMESTAMP WITH TIME ZONE,
    last_failed     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX console_login_failure_last ON console_login_failure (last_failed);

-- An audit row's details as a label key of the console and its values, so that the Audit page words them in the
-- reader's language; details keeps the English sentence (the CLI's, and every older row's, shown as it is).
-- details_args: the values, separated by the character U+001F.
ALTER TABLE audit ADD COLUMN details_key VARCHAR(100);
ALTER TABLE audit ADD COLUMN details_args VARCHAR(4000);
