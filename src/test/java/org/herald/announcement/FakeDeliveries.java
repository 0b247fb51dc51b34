package org.herald.announcement;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.notice.DeliveryStatistics;
import org.herald.notice.DeliveryStatisticsSource;

/** Stands in for the notice campaigns in tests: delivery statistics a test sets per incident. */
final class FakeDeliveries implements DeliveryStatisticsSource {

    final Map<UUID, DeliveryStatistics> stats = new ConcurrentHashMap<>();

    @Override
    public DeliveryStatistics forIncident(UUID incidentId) {
        return stats.getOrDefault(incidentId, DeliveryStatistics.none(incidentId));
    }

    void unreachable(UUID incidentId, long subjects) {
        stats.put(incidentId, new DeliveryStatistics(incidentId, subjects, 0, subjects, 0, Map.of(), null, null));
    }
}
