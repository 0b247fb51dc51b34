package org.herald.channel.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.herald.channel.DeliveryOutcome;

/**
 * Reads what went wrong in an SMTP exchange and names it in the closed outcome vocabulary
 * (docs/channels.md has the table). The relay's reply text is never copied into a reason: it
 * usually repeats the recipient's address.
 */
final class SmtpOutcomes {

    static final String PROVIDER = "smtp";

    /** Provider code of a failure after which the relay may or may not have the message. */
    static final String UNCONFIRMED = "unconfirmed";

    /** RFC 3463 enhanced status code right after the basic reply code, e.g. {@code 550 5.1.1 ...}. */
    private static final Pattern ENHANCED = Pattern.compile("^\\s*\\d{3}[ -]([245]\\.\\d{1,3}\\.\\d{1,3})\\b");

    /**
     * 5xx replies about Herald's own login, not about the recipient (RFC 4954): falling back to another
     * channel would punish every subject for a configuration mistake, so they are retried until fixed.
     */
    private static final Set<Integer> AUTHENTICATION_REPLIES = Set.of(530, 534, 535, 538);

    private static final Map<Integer, String> PERMANENT_REASONS = Map.of(
            550, "mailbox unavailable: the relay does not know or refuses this recipient",
            551, "recipient not local to the relay",
            552, "mailbox over its storage allocation",
            553, "mailbox name not allowed",
            554, "the relay refused the message");

    private SmtpOutcomes() {
    }

    static DeliveryOutcome accepted(String messageId, int replyCode) {
        return DeliveryOutcome.accepted(PROVIDER, messageId, String.valueOf(replyCode), "the relay accepted the message");
    }

    static DeliveryOutcome invalidAddress() {
        return DeliveryOutcome.permanent(PROVIDER, "address-syntax", "not a valid e-mail address");
    }

    static DeliveryOutcome noFreeSession() {
        return DeliveryOutcome.retryable(PROVIDER, "pool-exhausted", "no SMTP session became free in time", null);
    }

    /**
     * The message content had left when the relay fell silent or the connection broke: the relay
     * may have queued it. Retrying under the same idempotency key (same Message-ID) keeps a
     * duplicate recognisable; a new attempt would not.
     */
    static DeliveryOutcome unconfirmed() {
        return DeliveryOutcome.retryable(PROVIDER, UNCONFIRMED,
                "the relay may have the message: its answer to the content never arrived", null);
    }

    /** Failures without any reply from the relay: a timeout, a broken or closed connection. */
    static boolean isSilence(DeliveryOutcome outcome) {
        return outcome.kind() == DeliveryOutcome.Kind.RETRYABLE
                && Set.of("timeout", "io", "closed", "unknown").contains(outcome.providerCode());
    }

    static DeliveryOutcome classify(MessagingException failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof AddressException) {
                return invalidAddress();
            }
        }
        for (Throwable t : chain) {
            int code = replyCode(t);
            if (code > 0) {
                return byReply(code, t.getMessage());
            }
            if (code == CLOSED) {
                return DeliveryOutcome.retryable(PROVIDER, "closed", "the relay closed the connection", null);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof AuthenticationFailedException) {
                return DeliveryOutcome.retryable(PROVIDER, "auth", "the relay refused Herald's credentials", null);
            }
            if (t instanceof SocketTimeoutException) {
                return DeliveryOutcome.retryable(PROVIDER, "timeout", "the relay did not answer in time", null);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return DeliveryOutcome.retryable(PROVIDER, "connect", "the relay could not be reached", null);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IOException) {
                return DeliveryOutcome.retryable(PROVIDER, "io", "the connection to the relay failed", null);
            }
        }
        // No reply code and no network cause (e.g. a failed TLS upgrade): nothing said the recipient
        // is unreachable, so it is worth another try.
        return DeliveryOutcome.retryable(PROVIDER, "unknown", "sending failed without a reply from the relay", null);
    }

    static DeliveryOutcome byReply(int code, String serverResponse) {
        String providerCode = enhanced(serverResponse).map(e -> code + " " + e).orElse(String.valueOf(code));
        if (code >= 400 && code < 500) {
            return DeliveryOutcome.retryable(PROVIDER, providerCode, "the relay deferred the message (temporary failure)", null);
        }
        if (code >= 500 && code < 600) {
            if (AUTHENTICATION_REPLIES.contains(code)) {
                return DeliveryOutcome.retryable(PROVIDER, providerCode, "the relay wants authentication Herald did not give", null);
            }
            return DeliveryOutcome.permanent(PROVIDER, providerCode,
                    PERMANENT_REASONS.getOrDefault(code, "the relay refused the message permanently"));
        }
        return DeliveryOutcome.retryable(PROVIDER, providerCode, "the relay answered with an unexpected reply", null);
    }

    private static Optional<String> enhanced(String serverResponse) {
        if (serverResponse == null) {
            return Optional.empty();
        }
        Matcher m = ENHANCED.matcher(serverResponse);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Jakarta Mail's return code when the relay hung up instead of replying. */
    private static final int CLOSED = -1;
    private static final int NOT_SMTP = Integer.MIN_VALUE;

    private static int replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        return NOT_SMTP;
    }

    /** The exception, its nested SMTP exceptions and their causes, each once, outermost first. */
    private static List<Throwable> chain(Throwable start) {
        List<Throwable> out = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            out.add(t);
            if (t instanceof MessagingException m) {
                todo.add(m.getNextException());
            }
            todo.add(t.getCause());
        }
        return out;
    }
}
