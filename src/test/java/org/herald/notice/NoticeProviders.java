package org.herald.notice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.RcptCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.channel.sms.TwilioApiStandIn;

/**
 * The providers notice tests send to: a real SMTP server in-process (GreenMail) and the Twilio API
 * stand-in (WireMock, requests checked against Twilio's OpenAPI description). GreenMail answers
 * {@code 550 5.1.1} for mailboxes named {@code unknown-*} and {@code 451 4.7.1} once for mailboxes
 * named {@code greylisted-*}, as real relays do.
 */
public class NoticeProviders implements QuarkusTestResourceLifecycleManager {

    static final String ACCOUNT = "AC00000000000000000000000000000000";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    static final String MESSAGE_ID_DOMAIN = "notices.herald.test";

    private static GreenMail smtp;
    private static TwilioApiStandIn twilio;
    static final Set<String> GREYLISTED_ONCE = ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, String> start() {
        installScriptedRecipients();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        twilio = new TwilioApiStandIn();
        twilioAcceptsEverything();
        return Map.ofEntries(
                Map.entry("herald.email.mode", "smtp"),
                Map.entry("herald.email.host", "127.0.0.1"),
                Map.entry("herald.email.port", String.valueOf(smtp.getSmtp().getPort())),
                Map.entry("herald.email.security", "none"),
                Map.entry("herald.email.from", "Herald Notices <notices@herald.test>"),
                Map.entry("herald.email.message-id-domain", MESSAGE_ID_DOMAIN),
                Map.entry("herald.notice.dispatcher.batch-size", "5"),
                Map.entry("herald.sms.mode", "twilio"),
                Map.entry("herald.sms.twilio.from", "+15005550006"),
                Map.entry("herald.sms.twilio.api-base-url", twilio.baseUrl().toString()));
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    static GreenMail smtp() {
        return smtp;
    }

    static TwilioApiStandIn twilio() {
        return twilio;
    }

    /** Twilio creates every message (201) under a fresh SID. */
    static void twilioAcceptsEverything() {
        twilio.server().stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(10).willReturn(created()));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("""
                {"account_sid": "%s", "api_version": "2010-04-01", "body": "notice",
                 "date_created": "Mon, 02 Mar 2026 09:30:00 +0000", "date_sent": null,
                 "date_updated": "Mon, 02 Mar 2026 09:30:00 +0000", "direction": "outbound-api",
                 "error_code": null, "error_message": null, "from": "+15005550006", "messaging_service_sid": null,
                 "num_media": "0", "num_segments": "1", "price": null, "price_unit": null,
                 "sid": "SM{{randomValue length=32 type='HEXADECIMAL'}}", "status": "queued", "subresource_uris": {},
                 "to": "+15550100001", "uri": "/2010-04-01/Accounts/%s/Messages/SM0.json"}
                """.formatted(ACCOUNT, ACCOUNT));
    }

    /** Messages GreenMail received for one recipient. */
    static List<MimeMessage> receivedBy(String address) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                for (jakarta.mail.Address a : m.getAllRecipients()) {
                    if (a.toString().equalsIgnoreCase(address)) {
                        out.add(m);
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GreenMail's RCPT command, with the replies real relays give for unknown and greylisted mailboxes. */
    private static void installScriptedRecipients() {
        try {
            Field f = SmtpCommandRegistry.class.getDeclaredField("commands");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, SmtpCommand> commands = (Map<String, SmtpCommand>) f.get(null);
            commands.put("RCPT", new ScriptedRcpt());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("GreenMail changed: cannot script RCPT replies", e);
        }
    }

    static final class ScriptedRcpt extends SmtpCommand {
        private static final Pattern ADDRESS = Pattern.compile("<([^>]+)>");
        private final RcptCommand delegate = new RcptCommand();

        @Override
        public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine)
                throws IOException {
            Matcher m = ADDRESS.matcher(commandLine);
            String address = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
            if (address.startsWith("unknown-")) {
                conn.send("550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
                return;
            }
            if (address.startsWith("greylisted-") && GREYLISTED_ONCE.add(address)) {
                conn.send("451 4.7.1 <" + address + ">: Recipient address rejected: Greylisted, try again later");
                return;
            }
            delegate.execute(conn, state, manager, commandLine);
        }
    }
}
