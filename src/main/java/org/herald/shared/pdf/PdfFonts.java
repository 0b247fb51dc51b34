package org.herald.shared.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
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

/**
 * The one font every PDF Herald makes embeds (letters, press releases, regulator reports): Noto Sans
 * CJK SC (Apache 2.0, Latin and Chinese, Japanese and Korean glyphs), shipped as a Maven artifact on
 * the class path, so a PDF prints Chinese on any machine and in the container image without system
 * fonts. Templates ask for it as {@value #FAMILY}; openhtmltopdf embeds only the glyphs a document
 * uses. A template may add fonts of its own with {@code @font-face}.
 */
@ApplicationScoped
public class PdfFonts {

    /** The CSS family name templates use. */
    public static final String FAMILY = "Noto Sans CJK SC";

    /** Noto Sans CJK SC as TrueType, inside the font jar. */
    static final String RESOURCE = "com/github/xingfudeshi/fonts/思源黑体正常_0.ttf";

    static {
        // openhtmltopdf reports every stage at INFO; only its warnings and errors are worth a log line.
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    private volatile byte[] font;

    /** Makes the font available to one rendering under {@link #FAMILY}. */
    public void embedIn(PdfRendererBuilder builder) {
        byte[] f = font();
        builder.useFont(() -> new ByteArrayInputStream(f), FAMILY);
    }

    private byte[] font() {
        byte[] f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    font = load();
                }
                f = font;
            }
        }
        return f;
    }

    private static byte[] load() {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDF font missing from the class path: " + RESOURCE);
            }
            return withoutRadicals(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PDF font " + RESOURCE, e);
        }
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
