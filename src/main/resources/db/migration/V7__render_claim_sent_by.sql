-- Several services on one store. Portable SQL, as V1: the same file runs on H2 and PostgreSQL.

-- One period of one bulletin ('province' or 'unit', as in the ledger) is rendered by one process at a time across
-- every node that shares the store: the run that renders it holds this row, renews expires_at while it works, and
-- deletes the row when its files are in place. A row whose expires_at has passed (its holder died or froze) is
-- taken over by the next run that asks. holder is the process (pid@host@start, as run.owner); token tells two claims
-- of one process apart (two threads of one service).
CREATE TABLE render_claim (
    bulletin    VARCHAR(40)  NOT NULL,
    period_key  VARCHAR(40)  NOT NULL,
    holder      VARCHAR(200) NOT NULL,
    token       VARCHAR(40)  NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT render_claim_pk PRIMARY KEY (bulletin, period_key)
);

-- The node (pid@host) whose sender the mail server accepted the message from; NULL for rows sent before this
-- version and for rows not sent.
ALTER TABLE delivery ADD COLUMN sent_by VARCHAR(200);
