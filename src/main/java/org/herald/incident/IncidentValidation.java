package org.herald.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.herald.shared.problem.FieldPaths;
import org.herald.shared.problem.Problem.FieldError;

/**
 * Everything wrong with an incident form, one entry per field: the bean constraints of
 * {@link IncidentForm}, locale tags, country codes and the order of the times.
 */
@ApplicationScoped
class IncidentValidation {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final Validator validator;
    private final Clock clock;
    private final IncidentConfig config;

    IncidentValidation(Validator validator, Clock clock, IncidentConfig config) {
        this.validator = validator;
        this.clock = clock;
        this.config = config;
    }

    List<FieldError> check(IncidentForm form) {
        Map<String, List<String>> errors = new TreeMap<>();
        for (ConstraintViolation<IncidentForm> v : validator.validate(form)) {
            add(errors, FieldPaths.of(v.getPropertyPath()), v.getMessage());
        }
        if (form.content() != null) {
            form.content().keySet().forEach(tag -> {
                String problem = localeProblem(tag);
                if (problem != null) {
                    add(errors, "content." + tag, problem);
                }
            });
        }
        if (form.organisation() != null && form.organisation().establishmentCountries() != null) {
            List<String> countries = form.organisation().establishmentCountries();
            for (int i = 0; i < countries.size(); i++) {
                String c = countries.get(i);
                if (c != null && !COUNTRIES.contains(c)) {
                    add(errors, "organisation.establishmentCountries[" + i + "]",
                            "must be an ISO 3166 alpha-2 country code in capitals, e.g. DE");
                }
            }
        }
        for (FieldError e : TimeOrder.check(form.occurredFrom(), form.occurredTo(), form.detectedAt(), form.awareAt(),
                form.containedAt(), clock.instant(), config.clockSkew())) {
            add(errors, e.field(), e.message());
        }
        List<FieldError> result = new ArrayList<>();
        errors.forEach((field, messages) -> result.add(new FieldError(field, String.join("; ", messages))));
        return result;
    }

    /** Why a locale tag is refused, or {@code null}: it must be a BCP 47 tag in its canonical form. */
    static String localeProblem(String tag) {
        if (tag == null || tag.isBlank()) {
            return "a locale needs a BCP 47 tag, e.g. en or zh-CN";
        }
        if (tag.length() > 35) {
            return "is too long for a locale tag";
        }
        String canonical = Locale.forLanguageTag(tag).toLanguageTag();
        if (canonical.equals("und")) {
            return "is not a BCP 47 language tag (e.g. en, zh-CN, pt-BR)";
        }
        if (!canonical.equals(tag)) {
            return "is not a BCP 47 language tag in canonical form: write " + canonical;
        }
        Locale locale = Locale.forLanguageTag(tag);
        String language = locale.getLanguage();
        if (!(language.length() == 2 && LANGUAGES.contains(language)) && language.length() != 3) {
            return "does not start with an ISO 639 language code (e.g. en, zh, pt)";
        }
        if (!locale.getCountry().isEmpty() && !COUNTRIES.contains(locale.getCountry())
                && !locale.getCountry().matches("\\d{3}")) {
            return "names no known region (ISO 3166 code such as CN, or a UN M.49 area such as 419)";
        }
        return null;
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        List<String> messages = errors.computeIfAbsent(field, f -> new ArrayList<>());
        if (!messages.contains(message)) {
            messages.add(message);
        }
    }

    /** content[en].basicSituation → content.en.basicSituation; systems[2] stays. */
    static Map<String, String> asMap(List<FieldError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        errors.forEach(e -> map.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        return map;
    }
}
