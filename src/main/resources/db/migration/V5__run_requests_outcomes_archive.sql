-- Run records that say what happened. Portable SQL, as V1: the same file runs on H2 and PostgreSQL.

-- How a run can end: 'incomplete' (made its bulletins, but a message was not delivered), 'interrupted' (stopped on
-- purpose, SIGTERM), 'abandoned' (left 'running' by a process that died; marked so by the next one that looks).
ALTER TABLE run DROP CONSTRAINT run_status;
ALTER TABLE run ADD CONSTRAINT run_status
    CHECK (status IN ('running', 'succeeded', 'incomplete', 'failed', 'interrupted', 'abandoned'));

-- One request (a CLI run, a trigger, a schedule fire) may be carried out by several runs (the service's batches):
-- they share request_id, and history shows them as one. cause says who asked.
ALTER TABLE run ADD COLUMN request_id VARCHAR(200);
ALTER TABLE run ADD COLUMN cause VARCHAR(400);
-- The process that runs it (pid@host, and when that process started), so that a later process can tell a run left
-- 'running' by a dead one; heartbeat_at is the last time it recorded progress.
ALTER TABLE run ADD COLUMN owner VARCHAR(200);
ALTER TABLE run ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
-- The totals, as numbers rather than inside the message: bulletins made, messages sent now, sent by an earlier run,
-- and not delivered.
ALTER TABLE run ADD COLUMN made INTEGER;
ALTER TABLE run ADD COLUMN sent INTEGER;
ALTER TABLE run ADD COLUMN sent_before INTEGER;
ALTER TABLE run ADD COLUMN not_delivered INTEGER;

CREATE INDEX run_request ON run (request_id);

-- What a delivery carried: each attached file by its SHA-256, whose bytes are kept once in the archive folder
-- (archive/<sha256> beside the database file). A later run that renders the period again writes new files in out/
-- but never changes what is recorded here for a message that was sent.
CREATE TABLE delivery_attachment (
    delivery_id BIGINT       NOT NULL REFERENCES delivery (id),
    file_name   VARCHAR(400) NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    run_id      BIGINT       REFERENCES run (id),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT delivery_attachment_pk PRIMARY KEY (delivery_id, file_name)
);
