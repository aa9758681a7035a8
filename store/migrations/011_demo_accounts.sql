-- Demo mode, remembered in the store: the password hash every demo user `<orgId>.<role>` is given.
-- Organisations created at run time (a zone's management body) get their demo users from it at once,
-- so their people can log in without a restart. No row: no demo users, in production.
CREATE TABLE demo_accounts (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  password_hash text NOT NULL
);
