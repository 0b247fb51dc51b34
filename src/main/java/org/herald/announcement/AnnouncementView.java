package org.herald.announcement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An announcement as the API and the console show it: the decision, its state, its revisions and settlements. */
public record AnnouncementView(UUID id, UUID incidentId, String slug, AnnouncementStatus status, String publicUrl,
        String reason, List<String> regimes, List<DecisionRecord.Rule> decision, Integer minDays, String minDaysBasis,
        Instant earliestWithdrawal, boolean tollFreeRequired, String helpNumber, long coveredCount,
        String judgementReason, boolean autoPublished, String proposedBy, Instant proposedAt, String publishedBy,
        Instant publishedAt, Instant updatedAt, String withdrawnBy, Instant withdrawnAt, String withdrawReason,
        int revision, List<RevisionView> revisions, List<SettlementView> settlements) {

    public record RevisionView(int revision, Instant publishedAt, String publishedBy, String note) {
    }

    public record SettlementView(String regimeId, String jurisdiction, boolean wholeClass, boolean emailWhereAvailable,
            long coveredCount) {
    }
}
