package org.herald.notice;

import java.util.UUID;

/** Delivery statistics of an incident's notice campaigns. */
public interface DeliveryStatisticsSource {

    DeliveryStatistics forIncident(UUID incidentId);
}
