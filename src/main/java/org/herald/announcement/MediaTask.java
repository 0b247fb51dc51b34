package org.herald.announcement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.herald.shared.problem.ProblemException;

/** One media notice a rule requires (major statewide media, prominent media outlets), marked done with evidence. */
@Entity
@Table(name = "announcement_media_task")
public class MediaTask {

    @Id
    private UUID id;
    @Column(name = "incident_id", nullable = false)
    private UUID incidentId;
    @Column(name = "task_key", nullable = false)
    private String taskKey;
    @Column(name = "regime_id", nullable = false)
    private String regimeId;
    @Column(nullable = false)
    private String jurisdiction;
    @Column(nullable = false)
    private String description;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "done_at")
    private Instant doneAt;
    @Column(name = "done_by")
    private String doneBy;
    private String evidence;

    protected MediaTask() {
    }

    public MediaTask(UUID id, UUID incidentId, String taskKey, String regimeId, String jurisdiction, String description,
            Instant dueAt) {
        this.id = id;
        this.incidentId = incidentId;
        this.taskKey = taskKey;
        this.regimeId = regimeId;
        this.jurisdiction = jurisdiction;
        this.description = description;
        this.dueAt = dueAt;
    }

    public void markDone(String by, Instant at, String evidence) {
        if (evidence == null || evidence.isBlank()) {
            throw ProblemException.invalid("evidence", "must say what was done: outlet, date, link or file reference");
        }
        if (doneAt != null) {
            throw ProblemException.conflict("This media notice was already marked done on " + doneAt);
        }
        this.doneAt = at;
        this.doneBy = by;
        this.evidence = evidence.strip();
    }

    public UUID id() {
        return id;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String taskKey() {
        return taskKey;
    }

    public String regimeId() {
        return regimeId;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public String description() {
        return description;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant doneAt() {
        return doneAt;
    }

    public String doneBy() {
        return doneBy;
    }

    public String evidence() {
        return evidence;
    }

    @Override
    public String toString() {
        return "MediaTask[" + id + " " + regimeId + " " + jurisdiction + "]";
    }
}
