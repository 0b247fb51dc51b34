package org.herald.subject;

/**
 * Masked forms of personal data for callers who may know that a value exists but not read it:
 * {@code j***@example.org}, {@code +44*******123}, {@code J*** D***}.
 */
public final class Masking {

    private static final String STARS = "***";

    private Masking() {
    }

    public static String email(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return STARS;
        }
        return address.charAt(0) + STARS + address.substring(at);
    }

    /** Keeps the country calling code and the last three digits. */
    public static String phone(String e164) {
        if (e164 == null) {
            return null;
        }
        String code = PhoneNumbers.callingCode(e164);
        int keepEnd = 3;
        int start = 1 + code.length();
        if (!e164.startsWith("+") || e164.length() <= start + keepEnd) {
            return STARS;
        }
        return "+" + code + "*".repeat(e164.length() - start - keepEnd) + e164.substring(e164.length() - keepEnd);
    }

    /** Initial of each word, e.g. "J*** D***". */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.appendCodePoint(word.codePointAt(0)).append(STARS);
        }
        return out.toString();
    }

    /** Push tokens and subscriptions: the first four characters only. */
    public static String token(String token) {
        if (token == null) {
            return null;
        }
        return token.length() <= 8 ? STARS : token.substring(0, 4) + "…";
    }

    /** Free text such as address lines or a postal code. */
    public static String text(String value) {
        return value == null ? null : STARS;
    }
}
