package org.herald.incident;

/** Where an incident stands in its lifecycle; moves are defined by {@link Lifecycle}. */
public enum IncidentStatus {
    /** Being written down; only a title is needed. */
    DRAFT,
    /** Facts recorded; scope, affected subjects and obligations are being worked out. */
    ASSESSING,
    /** Notices and reports are going out. */
    NOTIFYING,
    /** Notified; watching for complaints, follow-up reports and new facts. */
    MONITORING,
    /** Done: every obligation fulfilled or waived. */
    CLOSED
}
