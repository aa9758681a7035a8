-- What a step wrote, by a hash of its content: a step key seen again with other content (a process
-- reset by an operator numbers its steps again) is refused instead of answered with the first result.
-- Rows written before have none, and keep answering as they did.
ALTER TABLE step_results ADD COLUMN fingerprint text;
