-- The running document numbers (issue 16, Decree 30/2020): with org.doc-number.running=true each province bulletin
-- takes the next number of its year of issue. A bulletin made again (the same period and bulletin in the same year:
-- a re-run, a resend, a reproduction) keeps the number it was given, so one document never carries two numbers.
-- Portable SQL, as V1.
CREATE TABLE doc_number (
    issue_year  INTEGER      NOT NULL,
    number      INTEGER      NOT NULL,
    period      VARCHAR(40)  NOT NULL,
    bulletin    VARCHAR(40)  NOT NULL,
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT doc_number_once PRIMARY KEY (issue_year, number),
    CONSTRAINT doc_number_per_bulletin UNIQUE (issue_year, period, bulletin)
);
