package org.herald.channel.sms;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * Twilio's status callbacks. Open to anyone at the HTTP level because Twilio cannot sign in;
 * believed only with a valid {@code X-Twilio-Signature}, refused with 403 otherwise.
 */
@Path("/api/webhooks/twilio/status")
public class TwilioStatusResource {

    private final TwilioStatusCallbacks callbacks;

    TwilioStatusResource(TwilioStatusCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@HeaderParam("X-Twilio-Signature") String signature, @Context UriInfo uri,
            MultivaluedMap<String, String> form) {
        callbacks.receive(signature, single(uri.getQueryParameters()), uri.getRequestUri().getRawQuery(), single(form));
        return Response.noContent().build();
    }

    private static Map<String, String> single(MultivaluedMap<String, String> values) {
        Map<String, String> out = new HashMap<>();
        if (values != null) {
            values.forEach((name, list) -> out.put(name, list.isEmpty() ? "" : list.get(0)));
        }
        return out;
    }
}
