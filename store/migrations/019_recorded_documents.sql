-- The city's approval (批复) of a zone is printed as a document too, but its 文号 was issued by the city
-- outside this system and recorded at launch: it takes no number from the sequence (`recorded`), and
-- one approval may approve several zones, so a recorded number can appear in several processes (and in
-- a process launched again after its run was terminated: a chain of its own).
-- Numbers issued here stay unique, and their sequence without repeats, as before.
ALTER TABLE documents ADD COLUMN recorded boolean NOT NULL DEFAULT false;
ALTER TABLE documents DROP CONSTRAINT documents_pkey;
ALTER TABLE documents DROP CONSTRAINT documents_org_id_year_seq_key;
ALTER TABLE documents ADD PRIMARY KEY (number, process_id, chain_id);
CREATE UNIQUE INDEX documents_issued_number ON documents (number) WHERE NOT recorded;
CREATE UNIQUE INDEX documents_issued_seq ON documents (org_id, year, seq) WHERE NOT recorded;
