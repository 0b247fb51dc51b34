package org.herald.channel.letter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.herald.security.Role;
import org.herald.shared.problem.ProblemException;

/** Print batches for the print house, and the returned-mail door. */
@Path("/api/letters")
@RolesAllowed({Role.ANALYST_NAME, Role.ADMIN_NAME})
public class LetterResource {

    private final LetterOffice office;

    LetterResource(LetterOffice office) {
        this.office = office;
    }

    public record BatchView(UUID id, Instant createdAt, int letters, int pages, Instant handedToPrintAt,
            String pdf, String manifest) {
        static BatchView of(LetterBatch b) {
            return new BatchView(b.id(), b.createdAt(), b.letters(), b.pages(), b.handedToPrintAt(),
                    "/api/letters/batches/" + b.id() + "/letters.pdf", "/api/letters/batches/" + b.id() + "/manifest.csv");
        }
    }

    @GET
    @Path("/batches")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ANALYST_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The latest print batches")
    public List<BatchView> batches() {
        return office.batches(50).stream().map(BatchView::of).toList();
    }

    @POST
    @Path("/batches")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cut a print batch now from every queued letter (the daily batch does the same)")
    public Response cut() {
        return office.cutBatch().map(b -> Response.status(201).entity(BatchView.of(b)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("/batches/{id}/letters.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The batch's letters as one PDF, in manifest order")
    public Response pdf(@PathParam("id") UUID id) {
        LetterBatch batch = office.batch(id).orElseThrow(() -> ProblemException.notFound("letter batch", id));
        return Response.ok(batch.pdf(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"letters-" + id + ".pdf\"").build();
    }

    @GET
    @Path("/batches/{id}/manifest.csv")
    @Produces("text/csv")
    @Operation(summary = "The batch's manifest: notice id, name, address, pages, barcode value")
    public Response manifest(@PathParam("id") UUID id) {
        LetterBatch batch = office.batch(id).orElseThrow(() -> ProblemException.notFound("letter batch", id));
        return Response.ok(batch.manifest(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"manifest-" + id + ".csv\"").build();
    }

    @POST
    @Path("/batches/{id}/handed-to-print")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that the print house has the batch: its letters count as sent",
            description = "Until then the letters' notices are HELD (queued in Herald, not sent). Each letter of the "
                    + "batch not returned meanwhile is reported as ACCEPTED (code handed-to-print), which makes its "
                    + "notice SENT. Once per batch; again is 409.")
    public BatchView handedToPrint(@PathParam("id") UUID id, @Context SecurityContext security) {
        return BatchView.of(office.handedToPrint(id, security.getUserPrincipal().getName()));
    }

    @POST
    @Path("/returns")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Returned mail: a CSV of scanned barcode values (one per line, optional header 'barcode')",
            description = "Each known letter is reported as PERMANENT (code returned): its notice, SENT or still HELD, "
                    + "falls back to its next channel or ends UNREACHABLE.")
    public LetterOffice.Returns returns(String csv) {
        List<String> barcodes = new ArrayList<>();
        try {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                    .parse(new StringReader(csv == null ? "" : csv))) {
                String value = row.get(0);
                if (row.getRecordNumber() == 1 && value.equalsIgnoreCase("barcode")) {
                    continue;
                }
                if (!value.isEmpty()) {
                    barcodes.add(value);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.invalid("body", "not a CSV of barcode values");
        }
        if (barcodes.isEmpty()) {
            throw ProblemException.invalid("body", "no barcode values");
        }
        return office.returned(barcodes);
    }
}
