package org.herald.regulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.notice.DeliveryStatistics;
import org.herald.notice.DeliveryStatisticsSource;
import org.herald.rules.IndividualNoticeTerms;
import org.herald.rules.ObligationKind;
import org.herald.rules.ObligationStatus;
import org.herald.rules.ObligationView;
import org.herald.rules.Obligations;
import org.herald.rules.SubstituteNoticeTerms;

/**
 * Stand-ins for the rules engine and the notice campaigns, holding what each test gives them.
 * Install them with {@link org.herald.testing.Fakes#install}, which fits them to whichever bean
 * implements the contract.
 */
public final class FakeContracts {

    private FakeContracts() {
    }

    public static final class FakeObligations implements Obligations {
        public final Map<UUID, List<ObligationView>> byIncident = new ConcurrentHashMap<>();

        @Override
        public List<ObligationView> forIncident(UUID incidentId) {
            return byIncident.getOrDefault(incidentId, List.of());
        }

        @Override
        public List<IndividualNoticeTerms> openIndividualNoticeTerms(UUID incidentId) {
            return List.of();
        }

        @Override
        public List<SubstituteNoticeTerms> substituteNoticeTerms(UUID incidentId) {
            return List.of();
        }
    }

    public static final class FakeDeliveries implements DeliveryStatisticsSource {
        public final Map<UUID, DeliveryStatistics> byIncident = new ConcurrentHashMap<>();

        @Override
        public DeliveryStatistics forIncident(UUID incidentId) {
            return byIncident.getOrDefault(incidentId, DeliveryStatistics.none(incidentId));
        }
    }

    public static ObligationView obligation(UUID incidentId, ObligationKind kind, String recipient, String jurisdiction,
            String phase, Instant dueAt, ObligationStatus status, String reason) {
        return new ObligationView(UUID.randomUUID(), incidentId, kind, "TEST/" + recipient, jurisdiction, recipient, phase,
                dueAt, dueAt == null ? "without undue delay" : null, status, reason, List.of("Test citation"), "primary",
                1200, null, null);
    }

    public static DeliveryStatistics halfNotified(UUID incidentId) {
        return new DeliveryStatistics(incidentId, 1200, 600, 40, 560,
                Map.of("email", new DeliveryStatistics.ChannelTotals(650, 560, 30, 5),
                        "sms", new DeliveryStatistics.ChannelTotals(60, 40, 10, 0)),
                Instant.parse("2025-03-22T10:00:00Z"), Instant.parse("2025-03-23T10:00:00Z"));
    }
}
