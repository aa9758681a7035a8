-- An Idempotency-Key is bound to the request it was first sent with (caller, method, path, body):
-- the same key with another request is refused (422) instead of answering for the first one.
CREATE TABLE idempotency_keys (
  user_id text NOT NULL,
  key text NOT NULL,
  request text NOT NULL,
  first_seen timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- A token is good only while its user is: a disabled user's are refused at the next request, and a
-- logged-out token (by its id) is kept here until it would have expired anyway.
ALTER TABLE users ADD COLUMN disabled boolean NOT NULL DEFAULT false;
CREATE TABLE revoked_tokens (
  id text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
