package org.herald.announcement;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.herald.incident.IncidentRepository;
import org.herald.shared.problem.ProblemException;

/**
 * The press release of the media pack, from the {@code press-release.html} template: the published
 * revision's content (or, before publication, the incident's current content as a draft), as HTML
 * and as PDF with an embedded font that has Chinese glyphs.
 */
@ApplicationScoped
public class PressRelease {

    /** Font family name the template's CSS asks for; bound to the configured or found font file. */
    static final String FONT_FAMILY = "Herald Text";

    /** Where Debian and common images keep a TrueType font with CJK glyphs, tried in order when none is configured. */
    static final List<String> FONT_SEARCH = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttf");

    private final AnnouncementRevisionRepository revisions;
    private final IncidentRepository incidents;
    private final AnnouncementTemplates templates;
    private final PublicPages pages;
    private final AnnouncementConfig config;

    PressRelease(AnnouncementRevisionRepository revisions, IncidentRepository incidents, AnnouncementTemplates templates,
            PublicPages pages, AnnouncementConfig config) {
        this.revisions = revisions;
        this.incidents = incidents;
        this.templates = templates;
        this.pages = pages;
        this.config = config;
    }

    @TemplateData
    public record ReleaseView(String lang, String title, String reference, boolean draft, String date,
            PublicContent.Elements e, List<String> categories, String helpNumber, String publicUrl, String fontFamily) {
    }

    @Transactional
    public String html(AnnouncementView a, String lang) {
        PublicContent content = content(a);
        String chosen = pages.pick(lang, null, content.byLocale().keySet());
        Map<String, String> t = pages.wordingFor(chosen);
        Locale locale = Locale.forLanguageTag(chosen);
        Instant date = a.publishedAt() == null ? a.proposedAt() : a.publishedAt();
        ReleaseView view = new ReleaseView(chosen, t.getOrDefault("press.title", "Press release") + ": "
                + t.getOrDefault("title", "") + " " + content.reference(), content.reference(), a.publishedAt() == null,
                PublicPages.day(date, t, locale), content.byLocale().get(chosen),
                content.categories().stream().map(c -> t.getOrDefault("category." + c, c)).toList(),
                content.helpNumber(), a.publicUrl(), FONT_FAMILY);
        return templates.template("press-release.html").data("r", view).data("t", t).render();
    }

    public byte[] pdf(AnnouncementView a, String lang) {
        String html = html(a, lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            font().ifPresent(f -> builder.useFont(f, FONT_FAMILY));
            builder.withHtmlContent(html, config.publicBaseUrl());
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering the press release PDF failed", e);
        }
        return out.toByteArray();
    }

    /** The configured font, else the first of the usual places that exists. */
    Optional<File> font() {
        if (config.pdfFont().isPresent()) {
            File f = new File(config.pdfFont().get());
            if (!f.canRead()) {
                throw new IllegalStateException("herald.announcement.pdf-font names a file that cannot be read: " + f);
            }
            return Optional.of(f);
        }
        return FONT_SEARCH.stream().map(File::new).filter(File::canRead).findFirst();
    }

    private PublicContent content(AnnouncementView a) {
        List<AnnouncementRevision> history = revisions.of(a.id());
        if (!history.isEmpty()) {
            return pages.read(history.get(0).content());
        }
        return PublicContent.of(incidents.findByIdOptional(a.incidentId())
                .orElseThrow(() -> ProblemException.notFound("incident", a.incidentId())), a.helpNumber());
    }
}
