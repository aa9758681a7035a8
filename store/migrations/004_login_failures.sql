-- Failed logins, by username and by address: a window of them makes the next attempt wait (429).
-- In the records store, not in a process's memory, so every API replica counts the same attempts.
CREATE TABLE login_failures (
  key text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, at);
