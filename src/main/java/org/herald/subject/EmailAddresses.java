package org.herald.subject;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Syntax check and normal form of e-mail addresses. The check is the practical subset of RFC 5321
 * that mail relays deliver to (dot-atom local part, a host name with at least one dot); quoted local
 * parts and address literals are refused on purpose.
 */
public final class EmailAddresses {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private EmailAddresses() {
    }

    /** The address as stored (domain lower-cased, the local part as given), or empty if it is not deliverable syntax. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip();
        int at = value.lastIndexOf('@');
        if (value.length() > 254 || at < 1 || at > 64 || at == value.length() - 1) {
            return Optional.empty();
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!LOCAL.matcher(local).matches()) {
            return Optional.empty();
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(local + "@" + domain);
    }

    /** The form the blind index covers: the whole address lower-cased, so look-ups ignore case. */
    public static String indexForm(String normalised) {
        return normalised.toLowerCase(Locale.ROOT);
    }
}
