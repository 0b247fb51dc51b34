package org.herald.channel.push;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.herald.channel.DeliveryOutcome;

/** The outcomes all three push services share; docs/channels.md has the table with the reasons. */
final class PushOutcomes {

    /** Provider name of the direct push sender ({@code herald.push.mode=direct}). */
    static final String PROVIDER = "direct";

    /** Provider code of a token the push service no longer knows: the registration should be deactivated. */
    static final String UNREGISTERED = "unregistered";

    private PushOutcomes() {
    }

    /** The registration is gone or was never valid: fall back, and deactivate it. */
    static DeliveryOutcome registrationGone(String platform, String code, String reason) {
        return DeliveryOutcome.permanent(PROVIDER, platform + ":" + code, reason);
    }

    static DeliveryOutcome byStatus(String platform, int status, String code, Duration retryAfter) {
        String providerCode = platform + ":" + code;
        if (status == 429) {
            return DeliveryOutcome.retryable(PROVIDER, providerCode, "the push service asked Herald to slow down", retryAfter);
        }
        if (status >= 500) {
            return DeliveryOutcome.retryable(PROVIDER, providerCode, "the push service had a temporary failure", retryAfter);
        }
        if (status == 401 || status == 403) {
            return DeliveryOutcome.retryable(PROVIDER, providerCode, "the push service refused Herald's credentials", retryAfter);
        }
        return DeliveryOutcome.permanent(PROVIDER, providerCode, "the push service refused this notification");
    }

    /** No answer came: only a connection that was never made proves the service does not have it. */
    static DeliveryOutcome noAnswer(String platform, Throwable failure) {
        if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)
                || causedBy(failure, UnresolvedAddressException.class) || causedBy(failure, HttpConnectTimeoutException.class)) {
            return DeliveryOutcome.retryable(PROVIDER, "connect", "the " + platform + " push service could not be reached", null);
        }
        return DeliveryOutcome.retryable(PROVIDER, "unconfirmed",
                "the " + platform + " push service may have the notification: its answer never arrived", null);
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
