package org.herald.channel.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;
import java.util.Optional;
import org.herald.channel.IdempotencyKey;
import org.herald.shared.problem.ProblemException;

/**
 * What every Twilio status callback (SMS and voice) must carry before Herald believes it: a valid
 * {@code X-Twilio-Signature} over the callback URL and the posted form, the idempotency key of the
 * attempt in the URL, and the resource's SID.
 */
public final class TwilioCallback {

    private TwilioCallback() {
    }

    /**
     * @param authToken the account's auth token (no token: nothing is believed)
     * @param callbackUrl the callback address as configured (its own query, if any, is replaced by the one received)
     * @param signature the {@code X-Twilio-Signature} header
     * @param rawQuery the query string exactly as received, which Twilio signed
     * @param form the form parameters Twilio posted (decoded)
     * @param keyParam the query parameter holding the attempt's idempotency key
     * @param query the query parameters (decoded)
     * @return the attempt's key
     * @throws ProblemException 403 when the signature is missing or wrong, 400 when the key is not Herald's
     */
    public static IdempotencyKey verify(Optional<String> authToken, String callbackUrl, String signature, String rawQuery,
            Map<String, String> form, String keyParam, Map<String, String> query) {
        if (!signed(authToken, callbackUrl, signature, rawQuery, form)) {
            throw new ProblemException(403, "twilio-signature", "Forbidden",
                    "This callback does not carry a valid X-Twilio-Signature");
        }
        try {
            return IdempotencyKey.parse(query.get(keyParam));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(keyParam, "not an idempotency key Herald issued");
        }
    }

    /** The SID field of the form, which every callback must name. */
    public static String sid(Map<String, String> form, String field) {
        String sid = form.get(field);
        if (sid == null || sid.isBlank()) {
            throw ProblemException.invalid(field, "missing");
        }
        return sid;
    }

    static boolean signed(Optional<String> authToken, String callbackUrl, String signature, String rawQuery,
            Map<String, String> form) {
        if (signature == null || signature.isBlank() || authToken.isEmpty()) {
            return false;
        }
        int q = callbackUrl.indexOf('?');
        String url = (q < 0 ? callbackUrl : callbackUrl.substring(0, q))
                + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        return new RequestValidator(authToken.get()).validate(url, form, signature);
    }
}
