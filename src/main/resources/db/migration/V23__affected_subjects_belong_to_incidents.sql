-- An affected set belongs to an incident: its scope row and its unmatched list rows refer to the
-- incident. affected_subject rows are written only in the transaction that writes their scope row
-- (org.herald.subject.affected.AffectedSubjects), so the scope's key covers them without a per-row
-- check on millions of rows (docs/performance.md).
DELETE FROM affected_subject a WHERE NOT EXISTS (SELECT 1 FROM incident i WHERE i.id = a.incident_id);
DELETE FROM affected_unmatched_row u WHERE NOT EXISTS (SELECT 1 FROM incident i WHERE i.id = u.incident_id);
DELETE FROM incident_scope s WHERE NOT EXISTS (SELECT 1 FROM incident i WHERE i.id = s.incident_id);

ALTER TABLE incident_scope
    ADD CONSTRAINT incident_scope_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id);
ALTER TABLE affected_unmatched_row
    ADD CONSTRAINT affected_unmatched_row_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id);
