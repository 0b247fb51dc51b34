package org.herald.regulator.veris;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.herald.security.Role;
import org.herald.shared.problem.Problem;
import org.herald.shared.problem.ProblemException;

/** VERIS in and out: export an incident as VERIS 1.4.1, import incidents from VERIS 1.3.x/1.4.x records. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class VerisResource {

    private final ExportVeris export;
    private final ImportVeris importer;

    VerisResource(ExportVeris export, ImportVeris importer) {
        this.export = export;
        this.importer = importer;
    }

    @GET
    @Path("/{id}/export/veris")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The incident as a VERIS 1.4.1 record (validated against the VERIS schema)")
    public ObjectNode exportVeris(@PathParam("id") UUID id) {
        return export.export(id);
    }

    @POST
    @Path("/import/veris")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ANALYST_NAME)
    @Operation(summary = "Create incidents from VERIS records (1.3.0 to 1.4.1; one object or an array)",
            description = "Older records are upgraded to 1.4.1; removed and unknown fields are reported by path. "
                    + "201 when at least one record was imported (refused ones are listed), 422 when none was.")
    public Response importVeris(JsonNode body) {
        VerisImportResult result = importer.importRecords(body);
        if (result.imported().isEmpty()) {
            List<Problem.FieldError> errors = result.rejected().stream()
                    .flatMap(r -> r.reasons().stream().map(p -> new Problem.FieldError(
                            "[" + r.index() + "]." + p.path(), p.message())))
                    .toList();
            throw new ProblemException(422, "veris-refused", "No VERIS record could be imported",
                    result.rejected().size() + " record(s) refused; each reason names the record and the field", errors);
        }
        return Response.status(Response.Status.CREATED).entity(result).build();
    }
}
