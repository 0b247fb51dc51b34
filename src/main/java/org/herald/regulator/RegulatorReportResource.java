package org.herald.regulator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.herald.regulator.filing.FilingForm;
import org.herald.regulator.filing.FilingView;
import org.herald.regulator.register.BreachRegister;
import org.herald.regulator.register.RegisterRow;
import org.herald.regulator.render.ReportCsv;
import org.herald.regulator.render.ReportPdf;
import org.herald.regulator.report.RegulatorReport;
import org.herald.security.Role;
import org.herald.shared.problem.ProblemException;

/**
 * Regulator reports of an incident: per authority as JSON, CSV or PDF; the reports due; filings; the
 * breach register's reason for not notifying.
 */
@Path("/api/incidents")
public class RegulatorReportResource {

    static final String PDF = "application/pdf";
    static final String CSV = "text/csv";

    /** The body of a reason for not notifying. */
    public record ReasonForm(String reasonNotNotified) {
    }

    private final RegulatorReports reports;
    private final FileReport filing;
    private final ReportPdf pdf;
    private final BreachRegister register;

    RegulatorReportResource(RegulatorReports reports, FileReport filing, ReportPdf pdf, BreachRegister register) {
        this.reports = reports;
        this.filing = filing;
        this.pdf = pdf;
        this.register = register;
    }

    @PUT
    @Path("/{id}/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    @Operation(summary = "Record why the incident was not notified (the breach register's Art. 33(5) reason)")
    public RegisterRow recordReason(@PathParam("id") UUID id, ReasonForm form) {
        return register.recordReason(id, form == null ? null : form.reasonNotNotified());
    }

    @GET
    @Path("/{id}/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The reports due for the incident (from its obligations), with their completeness")
    public List<RegulatorReports.DueReport> due(@PathParam("id") UUID id) {
        return reports.due(id);
    }

    @GET
    @Path("/{id}/reports/{authority}")
    @Produces({MediaType.APPLICATION_JSON, CSV, PDF})
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A regulator report for one authority (format=json|csv|pdf, phase=initial|follow-up|...)",
            description = "Every field the authority asks for with Herald's value, the list of what is missing, "
                    + "and what changed since the last filing. For us-hhs-ocr, csv is the HHS breach-portal row.")
    public Response report(@PathParam("id") UUID id, @PathParam("authority") String authority,
            @QueryParam("format") String format, @QueryParam("phase") String phase) {
        RegulatorReport report = reports.report(id, authority, phase);
        String name = report.incidentReference() + "-" + authority + "-" + report.phase();
        return switch (format == null || format.isBlank() ? "json" : format) {
            case "json" -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case "csv" -> Response.ok(csv(authority, report, id), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
            case "pdf" -> Response.ok(pdf.render(report), PDF)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"").build();
            default -> throw ProblemException.invalid("format", "must be json, csv or pdf");
        };
    }

    private String csv(String authority, RegulatorReport report, UUID id) {
        if (authority.equals("us-hhs-ocr")) {
            LocalDate today = report.generatedAt().atOffset(ZoneOffset.UTC).toLocalDate();
            return reports.hhsCsv(id, today);
        }
        return ReportCsv.write(report);
    }

    @POST
    @Path("/{id}/reports/{authority}/filings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    @Operation(summary = "Record that the report was filed (version, who, when, the authority's reference)")
    public Response file(@PathParam("id") UUID id, @PathParam("authority") String authority, @Valid FilingForm form) {
        FilingView filed = filing.file(id, authority, form);
        return Response.created(URI.create("/api/incidents/" + id + "/filings")).entity(filed).build();
    }

    @GET
    @Path("/{id}/filings")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Every report filed for the incident, oldest first")
    public List<FilingView> filings(@PathParam("id") UUID id) {
        return filing.history(id);
    }
}
