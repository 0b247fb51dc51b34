package org.herald.incident;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.shared.problem.Problem.FieldError;

/**
 * The console's incident form: what was typed (kept verbatim, so nothing is lost on an error), the
 * errors by input name, and the conversion to and from {@link IncidentForm}. Exact times are typed
 * as {@code 2026-03-14 09:30} in UTC.
 */
@TemplateData
public class IncidentFormPage {

    /** Locales every form offers, whether or not they have content yet. */
    static final List<String> OFFERED_LOCALES = List.of("en", "zh-CN");
    static final String NEW_LOCALE = "newContent";
    /** Inputs of one locale's content, under {@code content.<locale>.}. */
    static final List<String> CONTENT_INPUTS = List.of("basicSituation", "possibleImpact", "measures",
            "selfProtectionAdvice", "remedies", "contactPoint.name", "contactPoint.email", "contactPoint.phone",
            "contactPoint.address");
    static final List<String> ORG_FLAGS = List.of("hipaaCoveredEntity", "listedCompany", "criticalInfrastructure",
            "dfsRegulated");

    private static final DateTimeFormatter CONSOLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter CONSOLE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern LOCAL_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2}(:\\d{2})?)");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private final Map<String, String> values;
    private final Map<String, Set<String>> choices;
    private final Map<String, String> errors;
    private final List<String> locales;

    private IncidentFormPage(Map<String, String> values, Map<String, Set<String>> choices, Map<String, String> errors,
            List<String> locales) {
        this.values = values;
        this.choices = choices;
        this.errors = errors;
        this.locales = locales;
    }

    // ---- what templates read -----------------------------------------------------------------

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** An input's name from its prefix and element: input('content.en.', 'remedies'). */
    public String input(String prefix, String element) {
        return prefix + element;
    }

    /** Where a locale's inputs live: content.zh-CN. */
    public String contentPrefix(String locale) {
        return "content." + locale + ".";
    }

    public boolean checked(String name, Object option) {
        return choices.getOrDefault(name, Set.of()).contains(String.valueOf(option));
    }

    public boolean selected(String name, Object option) {
        return value(name).equals(option == null ? "" : String.valueOf(option));
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** The locale tabs: offered ones first, then any other with content, in typing order. */
    public List<String> locales() {
        return locales;
    }

    /** Whether a locale's section starts open: English, and any locale with an error in it. */
    public boolean open(String locale) {
        return locale.equals("en") || errors.keySet().stream().anyMatch(k -> k.startsWith("content." + locale + "."));
    }

    public boolean newLocaleOpen() {
        return errors.keySet().stream().anyMatch(k -> k.startsWith(NEW_LOCALE + "."))
                || !value(NEW_LOCALE + ".locale").isEmpty();
    }

    /** How many of the six elements a locale has, for its tab's label. */
    public int filled(String locale) {
        String p = "content." + locale + ".";
        int n = 0;
        for (String element : List.of("basicSituation", "possibleImpact", "measures", "selfProtectionAdvice", "remedies")) {
            if (!value(p + element).isBlank()) {
                n++;
            }
        }
        if (!value(p + "contactPoint.name").isBlank()) {
            n++;
        }
        return n;
    }

    // ---- from an incident --------------------------------------------------------------------

    static IncidentFormPage empty() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("severity", Severity.MEDIUM.name());
        return new IncidentFormPage(values, new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>(OFFERED_LOCALES));
    }

    static IncidentFormPage of(Incident i) {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, Set<String>> c = new LinkedHashMap<>();
        v.put("title", i.title());
        v.put("severity", i.severity().name());
        c.put("breachTypes", names(i.breachTypes()));
        put(v, "causeFamily", i.causeFamily());
        put(v, "discoveryMethod", i.discoveryMethod());
        put(v, "discoveryNotes", i.discoveryNotes());
        put(v, "occurredFrom", i.occurredFrom() == null ? null : format(i.occurredFrom()));
        put(v, "occurredTo", i.occurredTo() == null ? null : format(i.occurredTo()));
        put(v, "detectedAt", format(i.detectedAt()));
        put(v, "awareAt", format(i.awareAt()));
        put(v, "containedAt", format(i.containedAt()));
        put(v, "systems", String.join("\n", i.systems()));
        c.put("dataCategories", names(i.dataCategories()));
        put(v, "encryption", i.encryption());
        put(v, "exfiltration", i.exfiltration());
        put(v, "estimatedSubjects", i.estimatedSubjects());
        put(v, "estimatedRecords", i.estimatedRecords());
        OrganisationOverride o = i.organisationOverride();
        put(v, "org.role", o.role());
        put(v, "org.establishmentCountries", o.establishmentCountries() == null ? null
                : String.join(", ", o.establishmentCountries()));
        put(v, "org.hipaaCoveredEntity", o.hipaaCoveredEntity());
        put(v, "org.listedCompany", o.listedCompany());
        put(v, "org.criticalInfrastructure", o.criticalInfrastructure());
        put(v, "org.dfsRegulated", o.dfsRegulated());
        List<String> locales = new ArrayList<>(OFFERED_LOCALES);
        i.content().forEach((locale, content) -> {
            if (!locales.contains(locale)) {
                locales.add(locale);
            }
            String p = "content." + locale + ".";
            put(v, p + "basicSituation", content.basicSituation());
            put(v, p + "possibleImpact", content.possibleImpact());
            put(v, p + "measures", content.measures());
            put(v, p + "selfProtectionAdvice", content.selfProtectionAdvice());
            put(v, p + "remedies", content.remedies());
            put(v, p + "contactPoint.name", content.contactName());
            put(v, p + "contactPoint.email", content.contactEmail());
            put(v, p + "contactPoint.phone", content.contactPhone());
            put(v, p + "contactPoint.address", content.contactAddress());
        });
        return new IncidentFormPage(v, c, new LinkedHashMap<>(), locales);
    }

    // ---- from a submitted form ---------------------------------------------------------------

    /** What was submitted, and the {@link IncidentForm} it means (with unreadable inputs left empty and reported). */
    record Submitted(IncidentFormPage page, IncidentForm form) {
    }

    static Submitted read(Map<String, List<String>> params) {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, Set<String>> c = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        params.forEach((name, list) -> {
            if (name.equals("csrf") || name.equals("version") || list == null || list.isEmpty()) {
                return;
            }
            if (name.equals("breachTypes") || name.equals("dataCategories")) {
                c.put(name, new LinkedHashSet<>(list));
            } else {
                v.put(name, list.get(0) == null ? "" : list.get(0));
            }
        });

        // An extra language typed into the "another language" section becomes a locale of its own.
        List<String> locales = new ArrayList<>(OFFERED_LOCALES);
        v.keySet().stream().filter(k -> k.startsWith("content."))
                .map(k -> k.substring("content.".length(), k.indexOf('.', "content.".length()) < 0 ? k.length()
                        : k.indexOf('.', "content.".length())))
                .filter(l -> !locales.contains(l)).distinct().forEach(locales::add);
        String newTag = v.getOrDefault(NEW_LOCALE + ".locale", "").strip();
        boolean newTagUsable = false;
        boolean newHasText = CONTENT_INPUTS.stream().anyMatch(in -> !v.getOrDefault(NEW_LOCALE + "." + in, "").isBlank());
        if (!newTag.isEmpty() || newHasText) {
            String problem = IncidentValidation.localeProblem(newTag);
            if (problem != null) {
                errors.put(NEW_LOCALE + ".locale", problem);
            } else if (locales.contains(newTag)) {
                errors.put(NEW_LOCALE + ".locale", newTag + " has its own section already: write there");
            } else {
                newTagUsable = true;
            }
        }
        if (newTagUsable) {
            for (String in : CONTENT_INPUTS) {
                String typed = v.remove(NEW_LOCALE + "." + in);
                if (typed != null) {
                    v.put("content." + newTag + "." + in, typed);
                }
            }
            v.remove(NEW_LOCALE + ".locale");
            locales.add(newTag);
        }

        Map<String, IncidentForm.LocaleContent> content = new LinkedHashMap<>();
        for (String locale : locales) {
            String p = "content." + locale + ".";
            IncidentForm.ContactPoint cp = new IncidentForm.ContactPoint(text(v, p + "contactPoint.name"),
                    text(v, p + "contactPoint.email"), text(v, p + "contactPoint.phone"),
                    text(v, p + "contactPoint.address"));
            IncidentForm.LocaleContent lc = new IncidentForm.LocaleContent(text(v, p + "basicSituation"),
                    text(v, p + "possibleImpact"), text(v, p + "measures"), text(v, p + "selfProtectionAdvice"),
                    text(v, p + "remedies"), cp);
            if (!lc.toContent().isEmpty()) {
                content.put(locale, lc);
            }
        }

        List<String> countries = null;
        String countriesTyped = text(v, "org.establishmentCountries");
        if (countriesTyped != null) {
            countries = Arrays.stream(countriesTyped.split("[,\\s]+")).filter(s -> !s.isBlank())
                    .map(s -> s.toUpperCase()).toList();
        }
        OrganisationOverride org = new OrganisationOverride(
                choice(v, errors, "org.role", OrganisationRole.class), countries,
                yesNo(v, "org.hipaaCoveredEntity"), yesNo(v, "org.listedCompany"),
                yesNo(v, "org.criticalInfrastructure"), yesNo(v, "org.dfsRegulated"));

        List<String> systems = text(v, "systems") == null ? List.of()
                : v.get("systems").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();

        IncidentForm form = new IncidentForm(
                v.getOrDefault("title", ""),
                choice(v, errors, "severity", Severity.class),
                enums(c.get("breachTypes"), BreachType.class),
                choice(v, errors, "causeFamily", CauseFamily.class),
                choice(v, errors, "discoveryMethod", DiscoveryMethod.class),
                text(v, "discoveryNotes"),
                partial(v, errors, "occurredFrom"),
                partial(v, errors, "occurredTo"),
                exact(v, errors, "detectedAt"),
                exact(v, errors, "awareAt"),
                exact(v, errors, "containedAt"),
                systems,
                enums(c.get("dataCategories"), DataCategory.class),
                choice(v, errors, "encryption", EncryptionState.class),
                choice(v, errors, "exfiltration", Exfiltration.class),
                number(v, errors, "estimatedSubjects"),
                number(v, errors, "estimatedRecords"),
                content,
                org.isEmpty() ? null : org);
        return new Submitted(new IncidentFormPage(v, c, errors, locales), form);
    }

    /** Offers a section for each of these locales too (those the notices are required in). */
    IncidentFormPage offering(java.util.Collection<String> required) {
        required.stream().filter(l -> !locales.contains(l)).sorted().forEach(locales::add);
        return this;
    }

    /** Adds the service's errors (API field paths) to the inputs they belong to; the first per input wins. */
    IncidentFormPage withErrors(List<FieldError> fieldErrors) {
        for (FieldError e : fieldErrors) {
            String input = inputOf(e.field());
            if (!errors.containsKey(input)) {
                errors.put(input, e.message());
            }
        }
        return this;
    }

    /** content.en.contactPoint.email stays; organisation.establishmentCountries[1] → org.establishmentCountries. */
    static String inputOf(String field) {
        String f = INDEX.matcher(field).replaceAll("");
        if (f.startsWith("organisation.")) {
            return "org." + f.substring("organisation.".length());
        }
        if (f.startsWith("content.")) {
            String rest = f.substring("content.".length());
            int dot = rest.indexOf('.');
            return dot < 0 ? "content." + rest + "." + "basicSituation" : f;
        }
        return f;
    }

    // ---- times -------------------------------------------------------------------------------

    static String format(Instant at) {
        if (at == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return (t.getSecond() == 0 && t.getNano() == 0 ? CONSOLE_TIME : CONSOLE_TIME_SECONDS).format(t);
    }

    static String format(PartialTime t) {
        return t.precision() == TimePrecision.EXACT ? format(t.start()) : t.toString();
    }

    /** {@code 2026-03-14 09:30} (UTC), {@code 2026-03-14T09:30}, or ISO with an offset. */
    static Instant parseExact(String typed) {
        String t = typed.strip();
        Matcher m = LOCAL_TIME.matcher(t);
        if (m.matches()) {
            String time = m.group(2).length() == 4 ? "0" + m.group(2) : m.group(2);
            return LocalDateTime.parse(m.group(1) + "T" + time).toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(t).toInstant();
    }

    private static Instant exact(Map<String, String> v, Map<String, String> errors, String name) {
        String typed = text(v, name);
        if (typed == null) {
            return null;
        }
        try {
            return parseExact(typed);
        } catch (DateTimeParseException e) {
            errors.put(name, "enter a date and time in UTC, like 2026-03-14 09:30");
            return null;
        }
    }

    private static PartialTime partial(Map<String, String> v, Map<String, String> errors, String name) {
        String typed = text(v, name);
        if (typed == null) {
            return null;
        }
        if (LOCAL_TIME.matcher(typed.strip()).matches()) {
            try {
                return PartialTime.exact(parseExact(typed));
            } catch (DateTimeParseException e) {
                errors.put(name, "enter a year (2026), month (2026-03), day (2026-03-14) or time in UTC (2026-03-14 09:30)");
                return null;
            }
        }
        try {
            return PartialTime.parse(typed);
        } catch (IllegalArgumentException e) {
            errors.put(name, "enter a year (2026), month (2026-03), day (2026-03-14) or time in UTC (2026-03-14 09:30)");
            return null;
        }
    }

    // ---- small readers -----------------------------------------------------------------------

    private static String text(Map<String, String> v, String name) {
        String s = v.get(name);
        return s == null || s.isBlank() ? null : s;
    }

    private static Long number(Map<String, String> v, Map<String, String> errors, String name) {
        String s = text(v, name);
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            errors.put(name, "enter a whole number, like 1200");
            return null;
        }
    }

    private static Boolean yesNo(Map<String, String> v, String name) {
        String s = text(v, name);
        return s == null ? null : Boolean.valueOf(s.equals("true"));
    }

    private static <E extends Enum<E>> E choice(Map<String, String> v, Map<String, String> errors, String name,
            Class<E> type) {
        String s = text(v, name);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            errors.put(name, "choose one of the options");
            return null;
        }
    }

    private static <E extends Enum<E>> Set<E> enums(Set<String> names, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        if (names != null) {
            for (String n : names) {
                Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(n)).forEach(result::add);
            }
        }
        return result;
    }

    private static Set<String> names(Set<? extends Enum<?>> values) {
        Set<String> names = new TreeSet<>();
        values.forEach(e -> names.add(e.name()));
        return names;
    }

    private static void put(Map<String, String> values, String name, Object value) {
        if (value != null) {
            values.put(name, String.valueOf(value));
        }
    }
}
