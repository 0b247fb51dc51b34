package org.herald.regulator.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.Template;
import io.quarkus.qute.Location;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.herald.regulator.report.RegulatorReport;

/**
 * A report as PDF: the Qute template {@code regulator/report.html} rendered by openhtmltopdf with
 * Noto Sans CJK SC embedded (subset), so Chinese, Japanese and Korean labels and content print.
 */
@ApplicationScoped
public class ReportPdf {

    /** Noto Sans CJK SC (Apache 2.0) as TrueType, from the font jar on the class path. */
    static final String FONT = "com/github/xingfudeshi/fonts/思源黑体正常_0.ttf";
    static final String FAMILY = "Noto Sans CJK SC";

    private final Template template;
    private volatile byte[] font;

    ReportPdf(@Location("regulator/report.html") Template template) {
        this.template = template;
    }

    public byte[] render(RegulatorReport report) {
        String html = template.data("r", report).render();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            byte[] f = font();
            builder.useFont(() -> new ByteArrayInputStream(f), FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] font() throws IOException {
        byte[] f = font;
        if (f == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("CJK font missing from the class path: " + FONT);
                }
                f = in.readAllBytes();
            }
            font = f;
        }
        return f;
    }
}
