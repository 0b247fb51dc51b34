package org.herald.channel.sms;

import java.util.regex.Pattern;

/** ITU-T E.164 phone numbers as SMS providers take them: a plus, a non-zero digit, at most 15 digits. */
final class E164 {

    private static final Pattern FORM = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private E164() {
    }

    static boolean matches(String number) {
        return number != null && FORM.matcher(number).matches();
    }
}
