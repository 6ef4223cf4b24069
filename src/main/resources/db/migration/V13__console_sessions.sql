-- Signed-in console sessions, kept in the store so that every node behind the province's proxy knows every session
-- (in memory, a user was signed out whenever the proxy sent the next request to the other node). Portable SQL, as V1.
-- id_hash is the SHA-256 (hex) of the cookie's random id: what the store holds cannot be sent back as a cookie.
-- csrf is the token every state change of the session carries; last_seen moves on use, and a session idle for
-- 8 hours ends.
CREATE TABLE console_session (
    id_hash         VARCHAR(64)   NOT NULL PRIMARY KEY,
    user_id         BIGINT        NOT NULL REFERENCES console_user (id),
    csrf            VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX console_session_user ON console_session (user_id);
CREATE INDEX console_session_last_seen ON console_session (last_seen);
