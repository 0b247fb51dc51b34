package org.herald.notice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A campaign as the API shows it: who planned and approved it, its forecast, warnings and progress. */
public record CampaignView(UUID id, UUID incidentId, CampaignStatus status, String statusReason, String plannedBy,
        Instant plannedAt, String plannedHash, String approvedBy, Instant approvedAt, String approvedHash,
        Instant startedAt, Instant completedAt, long notices, List<String> warnings,
        CapacityForecaster.Forecast forecast, Progress progress) {

    /**
     * Counts of notices by where they stand; {@code percentDone} counts every notice that needs no more
     * sending. {@code held} notices (letters waiting for their print batch to be handed to the print
     * house) are in flight: neither sent nor done.
     */
    public record Progress(long total, long queued, long held, long sent, long delivered, long failed,
            long retryScheduled, long fellBack, long unreachable, long cancelled, long settled, int percentDone,
            Map<String, ChannelProgress> byChannel) {
    }

    /** The same per channel: notices currently on it, and attempts on it that failed for good. */
    public record ChannelProgress(long queued, long held, long sent, long delivered, long failed, long retryScheduled,
            long fellBack, long unreachable) {
    }

    static CampaignView of(NoticeCampaign c, List<String> warnings, CapacityForecaster.Forecast forecast,
            Progress progress) {
        return new CampaignView(c.id(), c.incidentId(), c.status(), c.statusReason(), c.plannedBy(), c.plannedAt(),
                c.plannedHash(), c.approvedBy(), c.approvedAt(), c.approvedHash(), c.startedAt(), c.completedAt(),
                c.noticeCount(), warnings, forecast, progress);
    }
}
