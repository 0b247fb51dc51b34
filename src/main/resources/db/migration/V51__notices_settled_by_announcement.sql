-- A notice can end SETTLED: a published announcement took the place of individual notice for every
-- obligation it answers (announcement_settlement, whole class). settled_by names the announcement.
ALTER TABLE notice DROP CONSTRAINT notice_state_ck;
ALTER TABLE notice ADD CONSTRAINT notice_state_ck
    CHECK (state IN ('QUEUED', 'RETRY_SCHEDULED', 'SENT', 'DELIVERED', 'UNREACHABLE', 'CANCELLED', 'SETTLED'));
ALTER TABLE notice ADD COLUMN settled_by uuid;
