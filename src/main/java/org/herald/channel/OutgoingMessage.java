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
 * @param recipient an e-mail address (EMAIL), an E.164 number such as {@code +15550100} (SMS, VOICE),
 *     a push address {@code <platform>:<token>} (PUSH, see {@link PushAddress}) or the addressee's
 *     name as it goes on the envelope (LETTER)
 * @param locale language of the text, sent as {@code Content-Language} where the channel has one
 * @param subject e-mail subject line (required for EMAIL); the notification title for PUSH
 * @param textBody plain-text body; required for EMAIL; the short notification text for PUSH; the
 *     words read out for VOICE; the letter body for LETTER when there is no HTML
 * @param htmlBody HTML alternative of {@code textBody}, or {@code null} for text only; for LETTER
 *     the letter body as XHTML, laid out under the address block
 * @param smsText the SMS text; required for SMS
 * @param correlation opaque value the provider echoes back in its status feedback; defaults to
 *     the idempotency key's text
 * @param link where the full notice can be read (PUSH carries only a short text and this link)
 * @param postalAddress the structured address for LETTER
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
        String correlation,
        String link,
        PostalAddressLines postalAddress) {

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
        if ((channel == Channel.PUSH || channel == Channel.VOICE) && textBody == null) {
            throw new IllegalArgumentException("a " + channel + " message needs its text");
        }
        if (channel == Channel.LETTER && (postalAddress == null || (textBody == null && htmlBody == null))) {
            throw new IllegalArgumentException("a letter needs a postal address and a body");
        }
    }

    /** The shape before PUSH and LETTER: no link, no postal address. */
    public OutgoingMessage(IdempotencyKey idempotencyKey, Channel channel, String recipient, Locale locale,
            String subject, String textBody, String htmlBody, String smsText, String correlation) {
        this(idempotencyKey, channel, recipient, locale, subject, textBody, htmlBody, smsText, correlation, null, null);
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

    /**
     * A push notification: a title, a short text and a link to the full notice, never the notice
     * itself (push payloads are limited to about 4 KB).
     */
    public static OutgoingMessage push(IdempotencyKey key, PushAddress to, Locale locale, String title, String text,
            String link) {
        return new OutgoingMessage(key, Channel.PUSH, to.value(), locale, title, text, null, null, null, link, null);
    }

    /** A phone call to an E.164 number in which {@code spokenText} is read out in the locale's language. */
    public static OutgoingMessage voice(IdempotencyKey key, String toE164, Locale locale, String spokenText) {
        return new OutgoingMessage(key, Channel.VOICE, toE164, locale, null, spokenText, null, null, null, null, null);
    }

    /**
     * A letter to a named addressee at a postal address; {@code xhtmlBody} is the body under the
     * address block (well-formed XHTML fragment), {@code textBody} its plain alternative.
     */
    public static OutgoingMessage letter(IdempotencyKey key, String addressee, PostalAddressLines address, Locale locale,
            String subject, String textBody, String xhtmlBody) {
        return new OutgoingMessage(key, Channel.LETTER, addressee, locale, subject, textBody, xhtmlBody, null, null,
                null, address);
    }

    /** Ids only: addresses and texts are personal data and never reach a log line. */
    @Override
    public String toString() {
        return "OutgoingMessage[" + channel + " " + idempotencyKey + "]";
    }
}
