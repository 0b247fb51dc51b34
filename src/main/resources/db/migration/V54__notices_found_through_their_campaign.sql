-- Notices of an incident are found through its campaigns (notice_campaign_incident_ix, then the
-- notice's unique (campaign_id, subject_id) index), so the notice table no longer keeps an index of
-- its own on incident_id. Every notice update that cannot stay on its page (a claim's lease, an
-- outcome, which changes the state) writes a new entry into every index of the table; this one was
-- also a run of identical keys, one per notice of the incident, the most expensive kind of B-tree
-- entry to add (docs/performance.md).
DROP INDEX notice_incident_ix;
