package org.herald.channel.email.bounce;

import jakarta.annotation.security.PermitAll;
import jakarta.mail.MessagingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.herald.shared.problem.ProblemException;

/**
 * Bounces pushed by a relay or mail provider: the delivery status notification as raw RFC 5322
 * bytes. Open at the HTTP level (a relay cannot sign in) and believed only with the configured
 * bearer token.
 */
@Path("/api/webhooks/email/bounces")
public class BounceWebhookResource {

    private final BounceConfig config;
    private final Bounces bounces;

    BounceWebhookResource(BounceConfig config, Bounces bounces) {
        this.config = config;
        this.bounces = bounces;
    }

    @POST
    @PermitAll
    @Consumes({"message/rfc822", "message/global", "application/octet-stream", "text/plain"})
    @Operation(summary = "Accept one delivery status notification (RFC 3464) for an e-mail Herald sent")
    public Response bounce(@HeaderParam("Authorization") String authorization, byte[] raw) {
        if (!authorized(authorization)) {
            throw new ProblemException(403, "bounce-token", "Forbidden", "This webhook needs the configured bearer token");
        }
        Optional<DeliveryStatusNotification> dsn;
        try {
            dsn = DeliveryStatusNotification.parse(new ByteArrayInputStream(raw));
        } catch (MessagingException | IOException e) {
            dsn = Optional.empty();
        }
        if (dsn.isEmpty()) {
            throw ProblemException.invalid("body", "not a delivery status notification (multipart/report; report-type=delivery-status)");
        }
        bounces.receive(dsn.get());
        return Response.accepted().build();
    }

    private boolean authorized(String authorization) {
        Optional<String> token = config.webhookToken().filter(t -> !t.isBlank());
        if (token.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8),
                authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
    }
}
