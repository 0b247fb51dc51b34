package org.herald.announcement;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.herald.incident.IncidentRepository;
import org.herald.shared.pdf.PdfFonts;
import org.herald.shared.problem.ProblemException;

/**
 * The press release of the media pack, from the {@code press-release.html} template: the published
 * revision's content (or, before publication, the incident's current content as a draft), as HTML
 * and as PDF with Herald's PDF font (Chinese glyphs included) embedded.
 */
@ApplicationScoped
public class PressRelease {

    private final AnnouncementRevisionRepository revisions;
    private final IncidentRepository incidents;
    private final AnnouncementTemplates templates;
    private final PublicPages pages;
    private final AnnouncementConfig config;
    private final PdfFonts fonts;

    PressRelease(AnnouncementRevisionRepository revisions, IncidentRepository incidents, AnnouncementTemplates templates,
            PublicPages pages, AnnouncementConfig config, PdfFonts fonts) {
        this.revisions = revisions;
        this.incidents = incidents;
        this.templates = templates;
        this.pages = pages;
        this.config = config;
        this.fonts = fonts;
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
                content.helpNumber(), a.publicUrl(), PdfFonts.FAMILY);
        return templates.template("press-release.html").data("r", view).data("t", t).render();
    }

    public byte[] pdf(AnnouncementView a, String lang) {
        String html = html(a, lang);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            fonts.embedIn(builder);
            builder.withHtmlContent(html, config.publicBaseUrl());
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering the press release PDF failed", e);
        }
        return out.toByteArray();
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
