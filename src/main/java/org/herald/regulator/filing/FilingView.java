package org.herald.regulator.filing;

import java.time.Instant;
import java.util.UUID;

/** One filing as the API and the console show it. */
public record FilingView(UUID id, UUID incidentId, UUID obligationId, String authority, String phase, int version,
        String filedBy, Instant filedAt, String authorityReference) {

    public static FilingView of(RegulatorFiling f) {
        return new FilingView(f.id(), f.incidentId(), f.obligationId(), f.authority(), f.phase(), f.version(),
                f.filedBy(), f.filedAt(), f.authorityReference());
    }
}
