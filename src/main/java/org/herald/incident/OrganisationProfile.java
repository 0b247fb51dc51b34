package org.herald.incident;

import java.util.List;

/** The organisation facts the law asks about, as they apply to one incident (configuration plus overrides). */
public record OrganisationProfile(
        OrganisationRole role,
        List<String> establishmentCountries,
        boolean hipaaCoveredEntity,
        boolean listedCompany,
        boolean criticalInfrastructure,
        boolean dfsRegulated) {

    /** This profile with the incident's overrides applied. */
    public OrganisationProfile with(OrganisationOverride o) {
        if (o == null) {
            return this;
        }
        return new OrganisationProfile(
                o.role() != null ? o.role() : role,
                o.establishmentCountries() != null ? List.copyOf(o.establishmentCountries()) : establishmentCountries,
                o.hipaaCoveredEntity() != null ? o.hipaaCoveredEntity() : hipaaCoveredEntity,
                o.listedCompany() != null ? o.listedCompany() : listedCompany,
                o.criticalInfrastructure() != null ? o.criticalInfrastructure() : criticalInfrastructure,
                o.dfsRegulated() != null ? o.dfsRegulated() : dfsRegulated);
    }
}
