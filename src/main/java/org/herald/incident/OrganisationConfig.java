package org.herald.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The organisation running Herald, as the notification laws ask about it. Every incident starts
 * from this profile and may override each value.
 */
@ConfigMapping(prefix = "herald.organisation")
public interface OrganisationConfig {

    /** Controller (decides why and how data is processed) or processor (acts for a controller). */
    @WithDefault("controller")
    OrganisationRole role();

    /** ISO 3166 alpha-2 codes of the countries where the organisation is established (GDPR lead authority). */
    Optional<List<String>> establishmentCountries();

    /** A HIPAA covered entity (US health plan, clearinghouse or provider) reports to HHS. */
    @WithDefault("false")
    boolean hipaaCoveredEntity();

    /** A listed company may owe a market disclosure (e.g. SEC Form 8-K item 1.05). */
    @WithDefault("false")
    boolean listedCompany();

    /** An operator of critical infrastructure has sector reporting duties (e.g. NIS2, CIRCIA). */
    @WithDefault("false")
    boolean criticalInfrastructure();

    /** Regulated by the New York Department of Financial Services (23 NYCRR 500.17: 72 hours). */
    @WithDefault("false")
    boolean dfsRegulated();

    default OrganisationProfile profile() {
        return new OrganisationProfile(role(),
                establishmentCountries().orElse(List.of()).stream().map(String::strip).map(String::toUpperCase).toList(),
                hipaaCoveredEntity(), listedCompany(), criticalInfrastructure(), dfsRegulated());
    }
}
