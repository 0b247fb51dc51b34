package org.herald.announcement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.herald.shared.problem.ProblemException;

/**
 * Renders the public side of announcements: one page per announcement and language, the index and
 * what the Atom feed lists. Reads only published revisions, which hold no personal data.
 */
@ApplicationScoped
public class PublicPages {

    private final AnnouncementRepository announcements;
    private final AnnouncementRevisionRepository revisions;
    private final AnnouncementTemplates templates;
    private final AnnouncementConfig config;
    private final ObjectMapper json;

    PublicPages(AnnouncementRepository announcements, AnnouncementRevisionRepository revisions,
            AnnouncementTemplates templates, AnnouncementConfig config, ObjectMapper json) {
        this.announcements = announcements;
        this.revisions = revisions;
        this.templates = templates;
        this.config = config;
        this.json = json;
    }

    /** A rendered page with the language chosen and a strong validator of its bytes. */
    public record Rendered(int status, String body, String language, String etag, Instant lastModified) {

        static Rendered of(int status, String body, String language, Instant lastModified) {
            return new Rendered(status, body, language, etagOf(body), lastModified);
        }
    }

    /** One language the page can be read in, for the switcher and hreflang links. */
    @TemplateData
    public record Language(String tag, String name, String href, boolean current) {
    }

    @TemplateData
    public record RevisionLine(int revision, String date, String iso, String note) {
    }

    /** Everything page.html shows; wording comes from the locale's properties as {@code t}. */
    @TemplateData
    public record PageView(String lang, String slug, String title, String reference, PublicContent.Elements e,
            List<String> categories, String occurred, String detected, String contained, String publishedOn,
            String publishedIso, String updatedOn, String updatedIso, String helpNumber, List<Language> languages,
            List<RevisionLine> history, String feedUrl, String indexUrl) {
    }

    @TemplateData
    public record IndexEntry(String slug, String title, String href, String publishedOn, String publishedIso,
            String updatedOn, String summary) {
    }

    /** A published announcement's latest revision, read for the feed and the index. */
    public record Published(Announcement announcement, AnnouncementRevision latest, AnnouncementRevision first,
            PublicContent content) {
    }

    @Transactional
    public Rendered page(String slug, String requestedLang, String acceptLanguage) {
        Announcement a = announcements.bySlug(slug).orElseThrow(() -> ProblemException.notFound("notice", slug));
        String uiLang = pick(requestedLang, acceptLanguage, new LinkedHashSet<>(templates.locales()));
        if (a.status() == AnnouncementStatus.WITHDRAWN && a.publishedAt() != null) {
            Map<String, String> t = templates.wording(uiLang);
            String body = templates.template("withdrawn.html").data("t", t).data("lang", uiLang)
                    .data("indexUrl", "/notices?lang=" + uiLang).render();
            return Rendered.of(410, body, uiLang, a.updatedAt());
        }
        if (a.status() != AnnouncementStatus.PUBLISHED) {
            throw ProblemException.notFound("notice", slug);
        }
        List<AnnouncementRevision> history = revisions.of(a.id());
        AnnouncementRevision latest = history.get(0);
        PublicContent content = read(latest.content());
        Set<String> available = new LinkedHashSet<>(content.byLocale().keySet());
        String lang = pick(requestedLang, acceptLanguage, available);
        Map<String, String> t = wordingFor(lang);
        Locale locale = Locale.forLanguageTag(lang);
        List<Language> languages = new ArrayList<>();
        for (String tag : available) {
            languages.add(new Language(tag, wordingFor(tag).getOrDefault("languageName", tag),
                    "/notices/" + slug + "?lang=" + tag, tag.equals(lang)));
        }
        List<RevisionLine> lines = history.stream().map(r -> new RevisionLine(r.revision(),
                day(r.publishedAt(), t, locale), r.publishedAt().toString(),
                r.note() == null ? t.getOrDefault("firstPublication", "") : r.note())).toList();
        Instant first = a.publishedAt();
        boolean updated = history.size() > 1;
        PageView view = new PageView(lang, slug, t.getOrDefault("title", "") + " " + content.reference(),
                content.reference(), content.byLocale().get(lang), categories(content, t),
                occurred(content, t, locale), content.detectedAt() == null ? null : day(content.detectedAt(), t, locale),
                content.containedAt() == null ? null : day(content.containedAt(), t, locale), day(first, t, locale),
                first.toString(), updated ? day(latest.publishedAt(), t, locale) : null,
                updated ? latest.publishedAt().toString() : null, content.helpNumber(), languages, lines,
                "/notices/feed.atom", "/notices?lang=" + lang);
        String body = templates.template("page.html").data("p", view).data("t", t).render();
        return Rendered.of(200, body, lang, latest.publishedAt());
    }

    @Transactional
    public Rendered index(String requestedLang, String acceptLanguage) {
        String lang = pick(requestedLang, acceptLanguage, new LinkedHashSet<>(templates.locales()));
        Map<String, String> t = wordingFor(lang);
        Locale locale = Locale.forLanguageTag(lang);
        List<IndexEntry> entries = new ArrayList<>();
        Instant newest = null;
        for (Published p : published()) {
            String contentLang = p.content().byLocale().containsKey(lang) ? lang
                    : p.content().byLocale().keySet().iterator().next();
            PublicContent.Elements e = p.content().byLocale().get(contentLang);
            boolean updated = p.latest().revision() > 1;
            entries.add(new IndexEntry(p.announcement().slug(), t.getOrDefault("title", "") + " " + p.content().reference(),
                    "/notices/" + p.announcement().slug() + "?lang=" + contentLang,
                    day(p.first().publishedAt(), t, locale), p.first().publishedAt().toString(),
                    updated ? day(p.latest().publishedAt(), t, locale) : null, e.basicSituation()));
            if (newest == null || p.latest().publishedAt().isAfter(newest)) {
                newest = p.latest().publishedAt();
            }
        }
        List<Language> languages = templates.locales().stream().map(tag -> new Language(tag,
                wordingFor(tag).getOrDefault("languageName", tag), "/notices?lang=" + tag, tag.equals(lang))).toList();
        String body = templates.template("index.html").data("t", t).data("lang", lang).data("entries", entries)
                .data("languages", languages).render();
        return Rendered.of(200, body, lang, newest);
    }

    /** Published announcements, most recently published first. */
    @Transactional
    public List<Published> published() {
        List<Published> out = new ArrayList<>();
        for (Announcement a : announcements.published()) {
            List<AnnouncementRevision> history = revisions.of(a.id());
            if (!history.isEmpty()) {
                out.add(new Published(a, history.get(0), history.get(history.size() - 1),
                        read(history.get(0).content())));
            }
        }
        return out;
    }

    /** The wording of a language, or of the default language where legal has not provided it yet. */
    Map<String, String> wordingFor(String lang) {
        return templates.locales().contains(lang) ? templates.wording(lang) : templates.wording(config.defaultLocale());
    }

    /**
     * Picks the page language: an explicit choice (the switcher) first, then the reader's
     * Accept-Language preferences, then the default language, then the first available.
     */
    String pick(String requested, String acceptLanguage, Set<String> available) {
        if (requested != null) {
            for (String tag : available) {
                if (tag.equalsIgnoreCase(requested.strip())) {
                    return tag;
                }
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                List<String> matches = Locale.filterTags(ranges, List.copyOf(available));
                if (!matches.isEmpty()) {
                    return matches.get(0);
                }
            } catch (IllegalArgumentException unreadable) {
                // A malformed header is treated as no preference.
            }
        }
        if (available.contains(config.defaultLocale())) {
            return config.defaultLocale();
        }
        return available.iterator().next();
    }

    private static List<String> categories(PublicContent content, Map<String, String> t) {
        return content.categories().stream().map(c -> t.getOrDefault("category." + c, c)).toList();
    }

    private static String occurred(PublicContent c, Map<String, String> t, Locale locale) {
        if (c.occurredFrom() == null) {
            return null;
        }
        String from = partial(c.occurredFrom(), c.occurredFromPrecision(), t, locale);
        if (c.occurredTo() == null) {
            return from;
        }
        String to = partial(c.occurredTo(), c.occurredToPrecision(), t, locale);
        return from.equals(to) ? from : t.getOrDefault("range", "{from} – {to}").replace("{from}", from).replace("{to}", to);
    }

    private static String partial(Instant at, String precision, Map<String, String> t, Locale locale) {
        String pattern = switch (precision == null ? "DAY" : precision) {
            case "YEAR" -> t.getOrDefault("date.year", "yyyy");
            case "MONTH" -> t.getOrDefault("date.month", "MMMM yyyy");
            default -> t.getOrDefault("date.day", "d MMMM yyyy");
        };
        return DateTimeFormatter.ofPattern(pattern, locale).format(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    static String day(Instant at, Map<String, String> t, Locale locale) {
        return partial(at, "DAY", t, locale);
    }

    PublicContent read(String content) {
        try {
            return json.readValue(content, PublicContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored announcement revision unreadable", e);
        }
    }

    static String etagOf(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    Optional<Announcement> publishedBySlug(String slug) {
        return announcements.bySlug(slug).filter(a -> a.status() == AnnouncementStatus.PUBLISHED);
    }
}
