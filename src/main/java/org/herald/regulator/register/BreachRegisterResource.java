package org.herald.regulator.register;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.herald.regulator.RegulatorReports;
import org.herald.security.Role;
import org.herald.shared.problem.ProblemException;

/**
 * The breach register (every incident, notified or not, with the reasons for not notifying) and the
 * HHS annual log of small breaches.
 */
@Path("/api")
public class BreachRegisterResource {

    private final BreachRegister register;
    private final RegulatorReports reports;

    BreachRegisterResource(BreachRegister register, RegulatorReports reports) {
        this.register = register;
        this.reports = reports;
    }

    @GET
    @Path("/reports/hhs-annual-log")
    @Produces("text/csv")
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The HHS annual log of breaches under 500 discovered in a year (breach-portal CSV columns)")
    public Response hhsAnnualLog(@QueryParam("year") Integer year) {
        if (year == null || year < 2009 || year > 2100) {
            throw ProblemException.invalid("year", "is required: the calendar year of discovery, e.g. 2025");
        }
        return Response.ok(reports.hhsAnnualLog(year, LocalDate.now(ZoneOffset.UTC)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"hhs-annual-log-" + year + ".csv\"").build();
    }

    @GET
    @Path("/register")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The breach register (every incident, notified or not); format=json|csv")
    public Response register(@QueryParam("format") String format) {
        String f = format == null || format.isBlank() ? "json" : format;
        return switch (f) {
            case "json" -> Response.ok(register.rows(), MediaType.APPLICATION_JSON).build();
            case "csv" -> Response.ok(BreachRegister.csv(register.rows()), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"breach-register.csv\"").build();
            default -> throw ProblemException.invalid("format", "must be json or csv");
        };
    }
}
