package org.herald.subject;

import java.util.Locale;
import org.herald.security.BlindIndex;

/** The blind-index entries of contact values; writers and look-ups must agree on them exactly. */
public final class ContactIndex {

    private ContactIndex() {
    }

    /** @param indexForm the lower-cased e-mail address or the E.164 number */
    public static byte[] of(BlindIndex index, ContactKind kind, String indexForm) {
        return index.of(kind.name().toLowerCase(Locale.ROOT), indexForm);
    }

    public static byte[] ofPush(BlindIndex index, PushPlatform platform, String token) {
        return index.of("push", platform.name() + ":" + token);
    }
}
