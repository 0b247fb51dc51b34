package org.herald.channel.push;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * What a push notification says: a title, a short text and a link to the full notice. Push
 * services cap a payload at 4 KB, so the text is shortened (at a code point, with an ellipsis)
 * until the platform's encoded payload fits; the title and link are never cut.
 */
record PushContent(String title, String text, String link) {

    /** FCM, APNs and (after encryption overhead) Web Push all take 4096 bytes. */
    static final int LIMIT_BYTES = 4096;

    /**
     * The largest version of this content whose encoding fits in {@code limit} bytes.
     *
     * @throws IllegalArgumentException when even an empty text does not fit (title or link too long)
     */
    byte[] fit(int limit, Function<PushContent, byte[]> encoder) {
        return shortened(limit, encoder).encoded();
    }

    /** The content as it will be sent, and its encoding. */
    record Fitted(PushContent content, byte[] encoded) {
    }

    /** Like {@link #fit}, keeping the shortened content too. */
    Fitted shortened(int limit, Function<PushContent, byte[]> encoder) {
        byte[] encoded = encoder.apply(this);
        if (encoded.length <= limit) {
            return new Fitted(this, encoded);
        }
        int[] codePoints = text.codePoints().toArray();
        int low = 0;
        int high = codePoints.length - 1;
        Fitted best = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            PushContent shorter = new PushContent(title, new String(codePoints, 0, mid).stripTrailing() + "…", link);
            byte[] attempt = encoder.apply(shorter);
            if (attempt.length <= limit) {
                best = new Fitted(shorter, attempt);
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the title and link alone exceed " + limit + " bytes");
        }
        return best;
    }

    static int utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
