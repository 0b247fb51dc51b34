package org.herald.shared.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfFontsTest {

    private final PdfFonts fonts = new PdfFonts();

    @Test
    void chineseAndLatinPrintWithTheEmbeddedFontAndReadBackAsWritten() throws Exception {
        byte[] pdf = render("<p>个人信息泄露通知：网络安全事件 — Notice of a data breach</p>");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("个人信息泄露通知：网络安全事件"), text);
            assertTrue(text.contains("Notice of a data breach"), text);
            int fontsOnPage = 0;
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is embedded, not left to the reader's machine");
                fontsOnPage++;
            }
            assertTrue(fontsOnPage > 0, "the page draws its text with a font");
        }
    }

    @Test
    void aPdfCarriesOnlyTheGlyphsItUses() throws Exception {
        byte[] small = render("<p>网</p>");

        assertTrue(small.length < 200_000, "a one-character PDF embeds a subset, not the whole font: " + small.length + " bytes");
    }

    private byte[] render(String body) throws Exception {
        String html = "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><style>body { font-family: '"
                + PdfFonts.FAMILY + "'; }</style></head><body>" + body + "</body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        fonts.embedIn(builder);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }
}
