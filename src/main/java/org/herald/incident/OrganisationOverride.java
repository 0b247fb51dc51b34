package org.herald.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Where one incident differs from the configured organisation profile (e.g. a subsidiary that is a
 * processor, or one not listed on a stock exchange). Each {@code null} means "as configured".
 */
public record OrganisationOverride(
        OrganisationRole role,
        @Size(max = 100) List<@NotNull String> establishmentCountries,
        Boolean hipaaCoveredEntity,
        Boolean listedCompany,
        Boolean criticalInfrastructure,
        Boolean dfsRegulated) {

    public static final OrganisationOverride NONE = new OrganisationOverride(null, null, null, null, null, null);

    @JsonIgnore
    public boolean isEmpty() {
        return NONE.equals(this);
    }
}
