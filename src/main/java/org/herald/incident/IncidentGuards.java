package org.herald.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.herald.shared.problem.Problem.FieldError;

/**
 * The conditions the incident itself puts on its lifecycle: facts before the assessment, complete
 * notice content before notifying. Plain logic; later features add theirs as {@link TransitionGuard}s.
 */
public final class IncidentGuards {

    /** Notices are written in English at least, whoever the subjects are. */
    public static final String BASE_LOCALE = "en";

    private IncidentGuards() {
    }

    /** The locales required when no feature says which ones the affected subjects need. */
    public static Set<String> defaultRequiredLocales(Incident incident) {
        Set<String> locales = new TreeSet<>(incident.content().keySet());
        locales.add(BASE_LOCALE);
        return locales;
    }

    /** Every built-in condition for moving to {@code to}, given the locales the notices need. */
    public static List<FieldError> refusals(Incident incident, IncidentStatus to, Set<String> requiredLocales) {
        List<FieldError> refusals = new ArrayList<>();
        switch (to) {
            case ASSESSING -> refusals.addAll(factsMissing(incident));
            case NOTIFYING -> {
                refusals.addAll(factsMissing(incident));
                refusals.addAll(contentMissing(incident, requiredLocales));
            }
            default -> {
                // MONITORING and CLOSED depend on campaigns and obligations, which guard them themselves.
            }
        }
        return refusals;
    }

    /** The times and the exposure an assessment cannot start without. */
    public static List<FieldError> factsMissing(Incident incident) {
        List<FieldError> missing = new ArrayList<>();
        if (incident.occurredFrom() == null) {
            missing.add(new FieldError("occurredFrom", "is needed to assess: when did it start (a year or month is enough)?"));
        }
        if (incident.detectedAt() == null) {
            missing.add(new FieldError("detectedAt", "is needed to assess: when was it detected?"));
        }
        if (incident.awareAt() == null) {
            missing.add(new FieldError("awareAt", "is needed to assess: when did the organisation become aware?"));
        }
        if (incident.systems().isEmpty()) {
            missing.add(new FieldError("systems", "name at least one affected system"));
        }
        if (incident.dataCategories().isEmpty()) {
            missing.add(new FieldError("dataCategories", "choose at least one exposed data category"));
        }
        if (incident.encryption() == null) {
            missing.add(new FieldError("encryption", "say whether the exposed data was encrypted"));
        }
        return missing;
    }

    /** The content elements still missing in the required locales. */
    public static List<FieldError> contentMissing(Incident incident, Set<String> requiredLocales) {
        List<FieldError> missing = new ArrayList<>();
        var content = incident.content();
        for (String locale : new TreeSet<>(requiredLocales)) {
            IncidentContent c = content.get(locale);
            if (c == null) {
                missing.add(new FieldError("content." + locale,
                        "all six content elements are needed in " + locale + " before notifying"));
                continue;
            }
            for (String element : c.missingElements()) {
                missing.add(new FieldError("content." + locale + "." + element,
                        element.equals("contactPoint")
                                ? "needs a name and an e-mail address, phone number or postal address in " + locale
                                : "is needed in " + locale + " before notifying"));
            }
        }
        return missing;
    }
}
