package org.herald.notice;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Stands in until notice campaigns provide {@link DeliveryStatisticsSource}: nothing was sent. */
@DefaultBean
@ApplicationScoped
public class NoDeliveries implements DeliveryStatisticsSource {

    @Override
    public DeliveryStatistics forIncident(UUID incidentId) {
        return DeliveryStatistics.none(incidentId);
    }
}
