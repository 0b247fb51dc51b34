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

/** An incident's notice campaigns: planning, and the list. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentCampaignsResource {

    private final CampaignPlanner planner;
    private final CampaignService campaigns;

    IncidentCampaignsResource(CampaignPlanner planner, CampaignService campaigns) {
        this.planner = planner;
        this.campaigns = campaigns;
    }

    @POST
    @Path("/{id}/campaigns")
    @Operation(summary = "Plan a notice campaign from the incident's open individual-notice obligations and affected subjects")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public Response plan(@PathParam("id") UUID incidentId) {
        CampaignView view = planner.plan(incidentId);
        return Response.created(URI.create("/api/campaigns/" + view.id())).entity(campaigns.view(view.id())).build();
    }

    @GET
    @Path("/{id}/campaigns")
    @Operation(summary = "The incident's campaigns, newest first")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public List<CampaignView> forIncident(@PathParam("id") UUID incidentId) {
        return campaigns.forIncident(incidentId);
    }
}
