package org.herald.announcement;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * "Was I affected?" against a real SMTP server: e-mail through SMTP to a local GreenMail, one
 * look-up worker (so look-ups finish in the order they were asked), small rate limits, and client
 * addresses taken from X-Forwarded-For so each test can play its own client.
 */
public class LookupProfile implements QuarkusTestProfile {

    static final int SMTP_PORT = freePort();
    static final int PER_CLIENT = 5;
    static final int PER_CONTACT = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "herald.email.mode", "smtp",
                "herald.email.host", "127.0.0.1",
                "herald.email.port", String.valueOf(SMTP_PORT),
                "herald.email.security", "none",
                "herald.announcement.lookup.workers", "1",
                "herald.announcement.lookup.per-client", String.valueOf(PER_CLIENT),
                "herald.announcement.lookup.per-contact", String.valueOf(PER_CONTACT),
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true");
    }

    /**
     * One port for the whole JVM: the test and the application load this class in different class
     * loaders, so the choice is kept in a system property rather than in the static field alone.
     */
    private static synchronized int freePort() {
        String chosen = System.getProperty("herald.test.lookup-smtp-port");
        if (chosen != null) {
            return Integer.parseInt(chosen);
        }
        try (ServerSocket s = new ServerSocket(0)) {
            System.setProperty("herald.test.lookup-smtp-port", String.valueOf(s.getLocalPort()));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
