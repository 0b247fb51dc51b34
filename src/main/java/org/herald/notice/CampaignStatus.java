package org.herald.notice;

/** Where a campaign stands: planned, approved by a second person, sending, paused, or over. */
public enum CampaignStatus {
    PLANNED, APPROVED, RUNNING, PAUSED, CANCELLED, COMPLETED;

    boolean isOver() {
        return this == CANCELLED || this == COMPLETED;
    }
}
