package org.herald.regulator;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What regulator reports say about the reporting organisation beyond the incident's facts. */
@ConfigMapping(prefix = "herald.regulator")
public interface RegulatorConfig {

    /** The organisation's legal name, as regulators' forms ask for it (HHS "Name of Covered Entity"). */
    Optional<String> organisationName();

    /** USPS two-letter code of the organisation's US state (HHS "State"), when it has one. */
    Optional<String> usState();

    /**
     * HHS "Covered Entity Type": Healthcare Provider, Health Plan, Healthcare Clearing House or
     * Business Associate.
     */
    Optional<String> hhsEntityType();
}
