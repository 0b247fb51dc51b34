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

/** Notice campaigns: plan, four-eyes approval, start/pause/resume/cancel, progress and proof of notice. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignPlanner planner;
    private final CampaignService campaigns;
    private final NoticeProofs proofs;
    private final NoticeTemplates templates;

    CampaignResource(CampaignPlanner planner, CampaignService campaigns, NoticeProofs proofs, NoticeTemplates templates) {
        this.planner = planner;
        this.campaigns = campaigns;
        this.proofs = proofs;
        this.templates = templates;
    }

    @POST
    @Path("/incidents/{id}/campaigns")
    @Operation(summary = "Plan a notice campaign from the incident's open individual-notice obligations and affected subjects")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public Response plan(@PathParam("id") UUID incidentId) {
        CampaignView view = planner.plan(incidentId);
        return Response.created(URI.create("/api/campaigns/" + view.id())).entity(campaigns.view(view.id())).build();
    }

    @GET
    @Path("/incidents/{id}/campaigns")
    @Operation(summary = "The incident's campaigns, newest first")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public List<CampaignView> forIncident(@PathParam("id") UUID incidentId) {
        return campaigns.forIncident(incidentId);
    }

    @GET
    @Path("/campaigns/{id}")
    @Operation(summary = "A campaign with its forecast, warnings and progress per channel")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public CampaignView get(@PathParam("id") UUID id) {
        return campaigns.view(id);
    }

    @POST
    @Path("/campaigns/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a planned campaign (a privacy officer other than its planner); binds to the content and wording hash")
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public CampaignView approve(@PathParam("id") UUID id, CampaignService.ApproveRequest request) {
        return campaigns.approve(id, request);
    }

    @POST
    @Path("/campaigns/{id}/start")
    @Operation(summary = "Start sending an approved campaign")
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public CampaignView start(@PathParam("id") UUID id) {
        return campaigns.start(id);
    }

    @POST
    @Path("/campaigns/{id}/pause")
    @Operation(summary = "Pause a running campaign; attempts in flight finish")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public CampaignView pause(@PathParam("id") UUID id) {
        return campaigns.pause(id);
    }

    @POST
    @Path("/campaigns/{id}/resume")
    @Operation(summary = "Resume a paused campaign (its approval must still hold)")
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public CampaignView resume(@PathParam("id") UUID id) {
        return campaigns.resume(id);
    }

    @POST
    @Path("/campaigns/{id}/cancel")
    @Operation(summary = "Cancel a campaign; notices not yet sent are cancelled")
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public CampaignView cancel(@PathParam("id") UUID id) {
        return campaigns.cancel(id);
    }

    @GET
    @Path("/campaigns/{id}/notices")
    @Operation(summary = "Proof of notice, page by page: obligations, attempts, provider references, SHA-256 of the content")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public Page<NoticeProofs.NoticeProof> notices(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return proofs.page(id, page, size);
    }

    @GET
    @Path("/campaigns/{id}/notices.csv")
    @Produces("text/csv")
    @Operation(summary = "Proof of notice as CSV, one line per attempt")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public Response noticesCsv(@PathParam("id") UUID id) {
        campaigns.view(id); // 404 before streaming starts
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            proofs.csv(id, w);
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"campaign-" + id + "-notices.csv\"").build();
    }

    @POST
    @Path("/notice-templates/reload")
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

    static Page<?> empty() {
        return new Page<>(List.of(), 0, 0, 0);
    }
}
