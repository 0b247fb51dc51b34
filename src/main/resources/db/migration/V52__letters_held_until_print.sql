-- A letter is not sent while it waits in Herald's own print queue: the dispatcher records the
-- outcome HELD and the notice stays HELD (not due, not finished, not reached) until its batch is
-- handed to the print house (ACCEPTED feedback: SENT) or the letter comes back (PERMANENT: fallback).
-- HELD is not in notice_due_ix: the dispatcher's claim never picks a held notice.
ALTER TABLE notice DROP CONSTRAINT notice_state_ck;
ALTER TABLE notice ADD CONSTRAINT notice_state_ck
    CHECK (state IN ('QUEUED', 'RETRY_SCHEDULED', 'HELD', 'SENT', 'DELIVERED', 'UNREACHABLE', 'CANCELLED', 'SETTLED'));
ALTER TABLE notice_attempt DROP CONSTRAINT notice_attempt_outcome_ck;
ALTER TABLE notice_attempt ADD CONSTRAINT notice_attempt_outcome_ck
    CHECK (outcome IS NULL OR outcome IN ('DELIVERED', 'ACCEPTED', 'HELD', 'RETRYABLE', 'PERMANENT', 'OPTED_OUT'));
