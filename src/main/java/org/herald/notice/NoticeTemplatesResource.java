package org.herald.notice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.herald.security.Role;
import org.herald.shared.Page;
import org.herald.shared.problem.ProblemException;

/** The notice wording: reload after legal changed it. */
@Path("/api/notice-templates")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeTemplatesResource {

    private final NoticeTemplates templates;

    NoticeTemplatesResource(NoticeTemplates templates) {
        this.templates = templates;
    }

    @POST
    @Path("/reload")
    @Operation(summary = "Read the notice wording again; with errors the wording in use stays and the errors are returned")
    @RolesAllowed({Role.ADMIN_NAME})
    public Map<String, Object> reload() {
        List<String> errors = templates.reload();
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "notice-templates", "Notice templates have errors",
                    "The wording was not reloaded: " + errors.size() + " error(s).",
                    errors.stream().map(e -> new org.herald.shared.problem.Problem.FieldError("templates", e)).toList());
        }
        return Map.of("hash", templates.hash());
    }
}
