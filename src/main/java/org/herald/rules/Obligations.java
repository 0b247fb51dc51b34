package org.herald.rules;

import java.util.List;
import java.util.UUID;

/** Read access to an incident's obligations for the features that act on them. */
public interface Obligations {

    /** Every obligation of the incident, open or settled, earliest due first. */
    List<ObligationView> forIncident(UUID incidentId);

    /** The terms of the incident's open individual-notice obligations. */
    List<IndividualNoticeTerms> openIndividualNoticeTerms(UUID incidentId);

    /** The substitute-notice terms of every regime that applies to the incident. */
    List<SubstituteNoticeTerms> substituteNoticeTerms(UUID incidentId);
}
