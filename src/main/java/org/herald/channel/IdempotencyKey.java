package org.herald.channel;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one delivery attempt (notice id + attempt number) everywhere it travels: in the e-mail
 * {@code Message-ID}, in the SMS status-callback URL, in the sandbox records. A provider answer or a
 * replayed send carrying the same key is recognised as the same attempt.
 *
 * <p>Its text form {@code <notice id>.<attempt>} is safe in a Message-ID local part, a URL query
 * parameter and a file name.
 */
public record IdempotencyKey(UUID noticeId, int attempt) {

    private static final Pattern TEXT = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\.([1-9][0-9]{0,8})");

    public IdempotencyKey {
        Objects.requireNonNull(noticeId, "noticeId");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are counted from 1, got " + attempt);
        }
    }

    /** Reads the text form written by {@link #value()}; anything else is refused. */
    public static IdempotencyKey parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not an idempotency key: expected <notice uuid>.<attempt>");
        }
        return new IdempotencyKey(UUID.fromString(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public String value() {
        return noticeId + "." + attempt;
    }

    @Override
    public String toString() {
        return value();
    }
}
