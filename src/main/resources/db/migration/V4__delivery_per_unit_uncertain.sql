-- The delivery ledger, made exact for shared mailboxes and for the final dot. Portable SQL, as V1: the same file
-- runs on H2 and PostgreSQL.

-- A delivery is one (bulletin, period, unit, address): one clerk who receives the bulletins of three units gets
-- three messages. The unit is '' for a bulletin that is the same for everyone (the province's), never NULL, since a
-- unique constraint does not compare NULLs. Rows written before keep working: a province row had the recipient's
-- unit only as a note, and the old key (bulletin, period, address) makes the new one unique already.
UPDATE delivery SET unit_code = '' WHERE unit_code IS NULL OR bulletin <> 'unit';
ALTER TABLE delivery ALTER COLUMN unit_code SET DEFAULT '';
ALTER TABLE delivery ALTER COLUMN unit_code SET NOT NULL;
ALTER TABLE delivery DROP CONSTRAINT delivery_once;
ALTER TABLE delivery ADD CONSTRAINT delivery_once UNIQUE (bulletin, period_key, unit_code, recipient_email);

-- 'uncertain': the message went past the final dot and no answer came (a timeout, a line dropped, a process that
-- died before it could record the answer): the server may have kept it. uncertain_tries counts such attempts; one
-- is tried again, two are left for the administrator.
ALTER TABLE delivery DROP CONSTRAINT delivery_status;
ALTER TABLE delivery ADD CONSTRAINT delivery_status
    CHECK (status IN ('pending', 'sending', 'uncertain', 'sent', 'failed', 'rejected'));
ALTER TABLE delivery ADD COLUMN uncertain_tries INTEGER DEFAULT 0 NOT NULL;

-- Each resend on purpose starts a new generation, and the Message-ID, derived from the key and the generation, with
-- it: a copy sent again by a retry carries the Message-ID of the first, so a mail program shows it once.
ALTER TABLE delivery ADD COLUMN generation INTEGER DEFAULT 0 NOT NULL;
