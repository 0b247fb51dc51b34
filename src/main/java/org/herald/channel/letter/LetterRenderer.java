package org.herald.channel.letter;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.herald.channel.OutgoingMessage;
import org.herald.shared.pdf.PdfFonts;

/**
 * Lays out one letter as an A4 PDF with openhtmltopdf: the return address and the addressee's
 * block where a left-window envelope (DIN 5008 / C5/6) shows it, the subject, the body, and the
 * barcode value in the footer of every page. Herald's PDF font is embedded (the glyphs used), and
 * it covers Chinese, so {@code zh-CN} letters print.
 */
@ApplicationScoped
public class LetterRenderer {

    private static final String FAMILIES = "'" + PdfFonts.FAMILY + "', sans-serif";

    /** A rendered letter and its page count. */
    public record Rendered(byte[] pdf, int pages) {
    }

    private final PdfFonts fonts;
    private final String returnAddress;

    LetterRenderer(LetterConfig config, PdfFonts fonts) {
        this.fonts = fonts;
        this.returnAddress = config.returnAddress();
    }

    public Rendered render(OutgoingMessage m, String barcode) {
        String xhtml = xhtml(m, barcode);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            fonts.embedIn(builder);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering letter " + m.idempotencyKey() + " failed", e);
        }
        byte[] pdf = out.toByteArray();
        return new Rendered(pdf, pages(pdf));
    }

    static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String xhtml(OutgoingMessage m, String barcode) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"").append(esc(m.locale().toLanguageTag())).append("\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(esc(m.subject() == null ? "" : m.subject())).append("</title><style>")
                .append("@page { size: A4; margin: 20mm 20mm 25mm 25mm;")
                .append(" @bottom-left { content: '").append(esc(barcode)).append("'; font-family: ").append(FAMILIES)
                .append("; font-size: 8pt; }")
                .append(" @bottom-right { content: counter(page) ' / ' counter(pages); font-family: ").append(FAMILIES)
                .append("; font-size: 8pt; } }")
                .append("body { font-family: ").append(FAMILIES).append("; font-size: 11pt; line-height: 1.4; }")
                .append(".window { position: absolute; top: 25mm; left: 0; width: 85mm; height: 45mm; }")
                .append(".return { font-size: 7pt; border-bottom: 0.3pt solid #000; margin-bottom: 2mm; }")
                .append(".content { margin-top: 80mm; } h1 { font-size: 13pt; }")
                .append("</style></head><body>");
        html.append("<div class=\"window\"><div class=\"return\">").append(esc(returnAddress)).append("</div><div class=\"address\">")
                .append(esc(m.recipient()));
        for (String line : m.postalAddress().printed()) {
            html.append("<br/>").append(esc(line));
        }
        html.append("</div></div><div class=\"content\">");
        if (m.subject() != null) {
            html.append("<h1>").append(esc(m.subject())).append("</h1>");
        }
        if (m.htmlBody() != null) {
            html.append(m.htmlBody());
        } else {
            for (String paragraph : m.textBody().split("\\R\\s*\\R")) {
                html.append("<p>").append(esc(paragraph).replaceAll("\\R", "<br/>")).append("</p>");
            }
        }
        html.append("</div></body></html>");
        return html.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
