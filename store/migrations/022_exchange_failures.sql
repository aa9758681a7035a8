-- What a process said when it wrote an exchange (the facts the message is composed from): a message
-- that failed is composed again from them when the responsible organisation sends it again, with the
-- records as they then stand (an organ's 统一社会信用代码 set meanwhile).
ALTER TABLE outbox ADD COLUMN facts jsonb;
-- The request id the outside system knows the message by: the exchange's own key, or, for a message
-- sent again, the key of the one that failed, so that a platform that did receive it answers as before.
ALTER TABLE outbox ADD COLUMN request_id text;
