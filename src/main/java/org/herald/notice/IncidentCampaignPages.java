package org.herald.notice;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.herald.channel.Channel;
import org.herald.security.ConsoleSession;
import org.herald.security.Role;
import org.herald.shared.problem.ProblemException;

/** The console page listing an incident's campaigns, from which a campaign is planned. */
@Path("/console/incidents")
@RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class IncidentCampaignPages {

    private final Template list;
    private final CampaignPlanner planner;
    private final CampaignService campaigns;
    private final ConsoleSession session;

    IncidentCampaignPages(@Location("notice/campaigns.html") Template list, CampaignPlanner planner,
            CampaignService campaigns, ConsoleSession session) {
        this.list = list;
        this.planner = planner;
        this.campaigns = campaigns;
        this.session = session;
    }

    @GET
    @Path("/{id}/campaigns")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance campaigns(@PathParam("id") UUID incidentId, @QueryParam("error") String error) {
        return list.data("session", session).data("incidentId", incidentId)
                .data("campaigns", campaigns.forIncident(incidentId)).data("error", error)
                .data("mayPlan", session.has(Role.ANALYST_NAME) || session.has(Role.PRIVACY_OFFICER_NAME));
    }

    @POST
    @Path("/{id}/campaigns")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public Response plan(@PathParam("id") UUID incidentId, MultivaluedMap<String, String> params) {
        session.requireCsrf(params.getFirst("csrf"));
        try {
            CampaignView view = planner.plan(incidentId);
            return Response.seeOther(URI.create("/console/campaigns/" + view.id())).build();
        } catch (ProblemException e) {
            return Response.seeOther(URI.create("/console/incidents/" + incidentId + "/campaigns?error="
                    + encode(CampaignPages.describe(e)))).build();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
