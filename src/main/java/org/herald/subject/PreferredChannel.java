package org.herald.subject;

/**
 * Channels a subject may list in their preference order. The order guides the channel chain of a
 * breach notice; it never removes a channel the rules require.
 */
public enum PreferredChannel {
    EMAIL,
    SMS,
    PUSH,
    VOICE,
    LETTER
}
