-- The dispatcher writes every notice twice after planning (the claim's lease, then the outcome) and
-- every attempt twice (before the send, then its outcome). Room left on each page lets PostgreSQL
-- write an update that changes no indexed column as a heap-only tuple, without a new entry in every
-- index: the lease (lease_owner, lease_until are not indexed) and the attempt's outcome.
-- Applies to pages written from now on; see docs/performance.md.
ALTER TABLE notice SET (fillfactor = 70);
ALTER TABLE notice_attempt SET (fillfactor = 70);

-- Every attempt paid for an entry in this index too. Its one reader, provider feedback, looks for
-- (notice_id, key_attempt): the primary key (notice_id, attempt_no) finds the notice's few attempts.
DROP INDEX notice_attempt_key_ix;
