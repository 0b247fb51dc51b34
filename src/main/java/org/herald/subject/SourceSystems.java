package org.herald.subject;

import java.util.regex.Pattern;

/** Names of the systems subjects come from: the namespace in which an external reference is unique. */
public final class SourceSystems {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    public static final String RULE = "must be 1-100 letters, digits, '.', '_' or '-'";

    private SourceSystems() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
