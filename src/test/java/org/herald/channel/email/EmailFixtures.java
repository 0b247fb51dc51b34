package org.herald.channel.email;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.herald.channel.ConfigMappings;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;

/** Messages and configuration for e-mail tests; addresses are on reserved test domains. */
final class EmailFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);

    private EmailFixtures() {
    }

    static IdempotencyKey aKey() {
        return new IdempotencyKey(UUID.randomUUID(), 1);
    }

    static OutgoingMessage aNoticeTo(String address) {
        return OutgoingMessage.email(aKey(), address, Locale.forLanguageTag("en"),
                "Notice of a data security incident",
                "We are writing to tell you about an incident that affected your account.",
                "<p>We are writing to tell you about an incident that affected your <b>account</b>.</p>");
    }

    /** SMTP over plain TCP to a local test server, short timeouts. */
    static EmailConfig smtpTo(int port, Map<String, String> more) {
        Map<String, String> values = new HashMap<>();
        values.put("herald.email.mode", "smtp");
        values.put("herald.email.host", "localhost");
        values.put("herald.email.port", String.valueOf(port));
        values.put("herald.email.security", "none");
        values.put("herald.email.from", "Herald Notices <notices@herald.test>");
        values.put("herald.email.reply-to", "privacy-office@herald.test");
        values.put("herald.email.connect-timeout", "PT2S");
        values.put("herald.email.read-timeout", "PT2S");
        values.put("herald.email.acquire-timeout", "PT2S");
        values.putAll(more);
        return ConfigMappings.of(EmailConfig.class, values);
    }

    static SmtpEmailSender smtpSender(EmailConfig config) {
        return new SmtpEmailSender(config, new EmailComposer(config, CLOCK), CLOCK);
    }
}
