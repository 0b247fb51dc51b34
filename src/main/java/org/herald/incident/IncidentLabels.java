package org.herald.incident;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.util.Locale;

/** How the console writes incident values for people: {@code {inc:label(severity)}}, {@code {inc:time(at)}}. */
@TemplateExtension(namespace = "inc")
public class IncidentLabels {

    private IncidentLabels() {
    }

    /** ENCRYPTED_KEY_SAFE → "Encrypted, key safe"; other constants read as words. */
    static String label(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof EncryptionState e) {
            return switch (e) {
                case UNENCRYPTED -> "Unencrypted";
                case ENCRYPTED_KEY_SAFE -> "Encrypted, key safe";
                case ENCRYPTED_KEY_COMPROMISED -> "Encrypted, key compromised";
            };
        }
        if (value instanceof DataCategory c) {
            return switch (c) {
                case GOVERNMENT_ID -> "Government ID";
                case CHILDREN -> "Children's data";
                default -> words(c.name());
            };
        }
        if (value instanceof Enum<?> e) {
            return words(e.name());
        }
        return String.valueOf(value);
    }

    /** The label of a content element or input name. */
    static String element(String name) {
        return switch (name) {
            case "basicSituation" -> "Basic situation";
            case "possibleImpact" -> "Possible impact";
            case "measures" -> "Measures taken or planned";
            case "selfProtectionAdvice" -> "Self-protection advice";
            case "remedies" -> "Remedies offered";
            case "contactPoint" -> "Contact point";
            default -> name;
        };
    }

    /** A time as the console shows it: {@code 2026-03-14 09:30 UTC}. */
    static String time(Instant at) {
        return at == null ? "—" : IncidentFormPage.format(at) + " UTC";
    }

    /** An imprecise time with its precision: {@code 2026-03 (month)}. */
    static String partial(PartialTime t) {
        if (t == null) {
            return "—";
        }
        return t.precision() == TimePrecision.EXACT ? time(t.start())
                : t + " (" + t.precision().name().toLowerCase(Locale.ROOT) + ")";
    }

    /** A locale tag with its English name: {@code zh-CN — Chinese (China)}. */
    static String locale(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
        return name.isBlank() || name.equals(tag) ? tag : tag + " — " + name;
    }

    /** The label of an organisation profile flag. */
    static String orgFlag(String flag) {
        return switch (flag) {
            case "hipaaCoveredEntity" -> "HIPAA covered entity";
            case "listedCompany" -> "Listed company";
            case "criticalInfrastructure" -> "Critical-infrastructure operator";
            case "dfsRegulated" -> "Regulated by NY DFS";
            default -> flag;
        };
    }

    /** What a refusal's field is called on screen: content.zh-CN.remedies → "Remedies offered (zh-CN)". */
    static String field(String field) {
        if (field.startsWith("content.")) {
            String rest = field.substring("content.".length());
            int dot = rest.indexOf('.');
            return dot < 0 ? "Content (" + rest + ")" : element(rest.substring(dot + 1)) + " (" + rest.substring(0, dot) + ")";
        }
        return switch (field) {
            case "occurredFrom" -> "Occurred from";
            case "occurredTo" -> "Occurred until";
            case "detectedAt" -> "Detected at";
            case "awareAt" -> "Organisation aware at";
            case "containedAt" -> "Contained at";
            case "systems" -> "Affected systems";
            case "dataCategories" -> "Data categories exposed";
            case "encryption" -> "Encryption";
            default -> field;
        };
    }

    /** The form input a refusal points at, for a link into the edit form. */
    static String input(String field) {
        String input = IncidentFormPage.inputOf(field);
        return input.endsWith(".contactPoint") ? input + ".name" : input;
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String words(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
