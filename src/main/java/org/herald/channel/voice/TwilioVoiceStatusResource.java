package org.herald.channel.voice;

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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Twilio's call status callbacks; open at the HTTP level, believed only with a valid signature. */
@Path("/api/webhooks/twilio/voice-status")
public class TwilioVoiceStatusResource {

    private final TwilioVoiceCallbacks callbacks;

    TwilioVoiceStatusResource(TwilioVoiceCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Twilio call status callback (signed by Twilio)")
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
