package org.herald.channel;

import java.util.Locale;

/** The ways Herald can reach a person; each is served by one sender chosen from configuration. */
public enum Channel {
    EMAIL, SMS, PUSH, VOICE, LETTER;

    /** The name used in configuration keys ({@code herald.<key>.mode}) and in URLs. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
