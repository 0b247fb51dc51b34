package org.herald.channel.sms;

/**
 * Counts SMS segments exactly as the network will split the text: GSM-7 when every character is
 * in the GSM 03.38 default alphabet or its extension table (extension characters take two septets),
 * otherwise UCS-2 counted in UTF-16 code units. A character never straddles two parts: an escaped
 * GSM character or a surrogate pair that does not fit moves whole to the next part, as handsets
 * and Twilio do.
 */
public final class SmsSegmentCounter {

    /** GSM 03.38 default alphabet, in table order (0x1B, the escape to the extension table, left out). */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** GSM 03.38 extension table: each is sent as ESC + character, two septets. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private SmsSegmentCounter() {
    }

    public static SmsSegments count(String text) {
        String t = text == null ? "" : text;
        int[] gsm = gsmUnits(t);
        if (gsm != null) {
            return new SmsSegments(SmsEncoding.GSM_7, sum(gsm), segments(gsm, SmsEncoding.GSM_7));
        }
        int[] ucs = ucs2Units(t);
        return new SmsSegments(SmsEncoding.UCS_2, t.length(), segments(ucs, SmsEncoding.UCS_2));
    }

    /** Whether a character can be sent in GSM-7 at all (basic or extension table). */
    public static boolean isGsm(int codePoint) {
        return codePoint < 0x10000
                && (BASIC.indexOf(codePoint) >= 0 || EXTENSION.indexOf(codePoint) >= 0);
    }

    /** Septets per character, or {@code null} when one character is outside GSM-7. */
    private static int[] gsmUnits(String t) {
        int[] units = new int[t.length()];
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isSurrogate(c)) {
                return null;
            }
            if (BASIC.indexOf(c) >= 0) {
                units[i] = 1;
            } else if (EXTENSION.indexOf(c) >= 0) {
                units[i] = 2;
            } else {
                return null;
            }
        }
        return units;
    }

    /** UTF-16 code units per character (code point): 2 for a surrogate pair, else 1. */
    private static int[] ucs2Units(String t) {
        return t.codePoints().map(Character::charCount).toArray();
    }

    private static int segments(int[] units, SmsEncoding encoding) {
        int total = sum(units);
        if (total <= encoding.singleSegmentUnits()) {
            return 1;
        }
        int capacity = encoding.multiSegmentUnits();
        int segments = 1;
        int used = 0;
        for (int u : units) {
            if (used + u > capacity) {
                segments++;
                used = 0;
            }
            used += u;
        }
        return segments;
    }

    private static int sum(int[] units) {
        int s = 0;
        for (int u : units) {
            s += u;
        }
        return s;
    }
}
