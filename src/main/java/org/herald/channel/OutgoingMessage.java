package org.herald.channel;

import java.util.Locale;
import java.util.Objects;

/**
 * One rendered message for one recipient on one channel, as the notice engine hands it to a
 * {@link ChannelSender}. It carries addresses and text only: channels never learn which incident,
 * subject or rule it came from.
 *
 * @param idempotencyKey names this attempt; travels to the provider so a replay is recognised
 * @param channel the channel it is meant for
 * @param recipient an e-mail address (EMAIL) or an E.164 number such as {@code +15550100} (SMS)
 * @param locale language of the text, sent as {@code Content-Language} where the channel has one
 * @param subject e-mail subject line; required for EMAIL
 * @param textBody plain-text body; required for EMAIL
 * @param htmlBody HTML alternative of {@code textBody}, or {@code null} for text only
 * @param smsText the SMS text; required for SMS
 * @param correlation opaque value the provider echoes back in its status feedback; defaults to
 *     the idempotency key's text
 */
public record OutgoingMessage(
        IdempotencyKey idempotencyKey,
        Channel channel,
        String recipient,
        Locale locale,
        String subject,
        String textBody,
        String htmlBody,
        String smsText,
        String correlation) {

    public OutgoingMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        locale = locale == null ? Locale.ENGLISH : locale;
        correlation = correlation == null ? idempotencyKey.value() : correlation;
        if (channel == Channel.EMAIL && (subject == null || textBody == null)) {
            throw new IllegalArgumentException("an e-mail needs a subject and a text body");
        }
        if (channel == Channel.SMS && smsText == null) {
            throw new IllegalArgumentException("an SMS needs its text");
        }
    }

    /** An e-mail with a text body and an optional HTML alternative. */
    public static OutgoingMessage email(IdempotencyKey key, String to, Locale locale, String subject,
            String textBody, String htmlBody) {
        return new OutgoingMessage(key, Channel.EMAIL, to, locale, subject, textBody, htmlBody, null, null);
    }

    /** An SMS to an E.164 number. */
    public static OutgoingMessage sms(IdempotencyKey key, String toE164, Locale locale, String text) {
        return new OutgoingMessage(key, Channel.SMS, toE164, locale, null, null, null, text, null);
    }

    /** Ids only: addresses and texts are personal data and never reach a log line. */
    @Override
    public String toString() {
        return "OutgoingMessage[" + channel + " " + idempotencyKey + "]";
    }
}
