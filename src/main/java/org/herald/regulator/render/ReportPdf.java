package org.herald.regulator.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.herald.regulator.report.RegulatorReport;
import org.herald.shared.pdf.PdfFonts;

/**
 * A report as PDF: the Qute template {@code regulator/report.html} rendered by openhtmltopdf with
 * Herald's PDF font embedded, so Chinese, Japanese and Korean labels and content print.
 */
@ApplicationScoped
public class ReportPdf {

    private final Template template;
    private final PdfFonts fonts;

    ReportPdf(@Location("regulator/report.html") Template template, PdfFonts fonts) {
        this.template = template;
        this.fonts = fonts;
    }

    public byte[] render(RegulatorReport report) {
        String html = template.data("r", report).render();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            fonts.embedIn(builder);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
