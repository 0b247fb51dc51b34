package org.herald.rules.obligation;

import java.time.Instant;

/**
 * Evidence that an obligation was met: when, the recipient's reference (a regulator's case number,
 * a filing number), optionally a file (the submitted form, a mailing receipt), and, when the notice
 * went out after its due time and the law asks for it, the reasons for the delay.
 *
 * @param evidenceBase64 the evidence file, base64-encoded (at most 5 MB decoded)
 */
public record Fulfilment(Instant fulfilledAt, String reference, String lateReason, String evidenceFileName,
        String evidenceContentType, String evidenceBase64) {
}
