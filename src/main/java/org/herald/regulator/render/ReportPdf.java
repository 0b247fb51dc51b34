package org.herald.regulator.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import io.quarkus.qute.Template;
import io.quarkus.qute.Location;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
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

    static {
        // openhtmltopdf reports every stage at INFO; only its warnings and errors are worth a log line.
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

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
            synchronized (this) {
                if (font == null) {
                    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FONT)) {
                        if (in == null) {
                            throw new IllegalStateException("CJK font missing from the class path: " + FONT);
                        }
                        font = withoutRadicals(in.readAllBytes());
                    }
                }
                f = font;
            }
        }
        return f;
    }

    /**
     * The font without its Kangxi and supplementary radical code points. The font draws 网 and the
     * radical ⽹ with one glyph; the PDF's text layer maps each glyph back to one code point, and
     * would pick the radical, so copied or extracted text would not read 网. Without the radical
     * entries every glyph maps back to the ideograph. Only the Basic Multilingual Plane is kept.
     */
    static byte[] withoutRadicals(byte[] ttf) throws IOException {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf))) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            // Outlines, metrics and names only: the substitution tables (GSUB) still count the old glyph
            // numbers, so ligatures would come out as the wrong glyphs.
            TTFSubsetter subset = new TTFSubsetter(font, List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
                    "hmtx", "fpgm", "post", "OS/2", "name", "cmap"));
            for (int cp = 0x20; cp <= 0xFFFD; cp++) {
                boolean radical = cp >= 0x2E80 && cp <= 0x2FDF;
                boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
                if (!radical && !surrogate && cmap.getGlyphId(cp) != 0) {
                    subset.add(cp);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(ttf.length);
            subset.writeToStream(out);
            return out.toByteArray();
        }
    }
}
