package org.herald.rules.obligation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.herald.incident.IncidentRepository;
import org.herald.rules.ObligationView;
import org.herald.rules.engine.Judgement;
import org.herald.security.Role;
import org.herald.shared.problem.ProblemException;

/**
 * The rules API of an incident: assess it against the regimes, read its obligations with their
 * reasons, and record that one was fulfilled or waived.
 */
@Path("/api/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ObligationResource {

    private final AssessObligations assess;
    private final SettleObligation settle;
    private final ObligationViews views;
    private final IncidentRepository incidents;
    private final Clock clock;

    ObligationResource(AssessObligations assess, SettleObligation settle, ObligationViews views,
            IncidentRepository incidents, Clock clock) {
        this.assess = assess;
        this.settle = settle;
        this.views = views;
        this.incidents = incidents;
        this.clock = clock;
    }

    @POST
    @Path("/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME})
    @Operation(summary = "Assess the incident against every notification regime and update its obligations",
            description = "The body (optional) carries the officer's judgement: risk level, determination times, "
                    + "safe-harbour facts. Re-running on unchanged facts changes nothing; changed facts update "
                    + "obligations in place and keep their history.")
    public AssessmentView assess(@PathParam("id") UUID id, Judgement judgement) {
        return assess.assess(id, judgement);
    }

    @GET
    @Path("/obligations")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The incident's obligations, most urgent first, each with its reason and citations")
    @jakarta.transaction.Transactional
    public List<ObligationView> obligations(@PathParam("id") UUID id) {
        if (incidents.findByIdOptional(id).isEmpty()) {
            throw ProblemException.notFound("incident", id);
        }
        return views.of(id, clock.instant());
    }

    @POST
    @Path("/obligations/{obligationId}/fulfilment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    @Operation(summary = "Record that an obligation was fulfilled, with evidence (date, reference, optional file)")
    public ObligationView fulfil(@PathParam("id") UUID id, @PathParam("obligationId") UUID obligationId,
            Fulfilment fulfilment) {
        return settle.fulfil(id, obligationId, fulfilment);
    }

    @POST
    @Path("/obligations/{obligationId}/waiver")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    @Operation(summary = "Waive an obligation, with the reason")
    public ObligationView waive(@PathParam("id") UUID id, @PathParam("obligationId") UUID obligationId, Waiver waiver) {
        return settle.waive(id, obligationId, waiver);
    }

    @GET
    @Path("/obligations/{obligationId}/history")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "An obligation's history: created, updated by re-assessments, fulfilled, waived, alerted")
    public List<ObligationHistoryEntry> history(@PathParam("id") UUID id, @PathParam("obligationId") UUID obligationId) {
        return settle.history(id, obligationId);
    }

    @GET
    @Path("/obligations/{obligationId}/evidence")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Download the evidence file of a fulfilled obligation")
    public Response evidence(@PathParam("id") UUID id, @PathParam("obligationId") UUID obligationId) {
        SettleObligation.Evidence e = settle.evidence(id, obligationId);
        return Response.ok(e.content(), e.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + e.fileName().replace("\"", "") + "\"")
                .build();
    }
}
