package org.herald.announcement;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.herald.shared.problem.ProblemException;

/**
 * The public side: announcement pages, the index, the Atom feed and "was I affected?". No login,
 * no personal data, no cookies. Pages carry a strong ETag and may be cached by browsers and proxies.
 */
@Path("/notices")
@PermitAll
public class PublicNoticeResource {

    static final String ATOM = "application/atom+xml";

    private final PublicPages pages;
    private final AtomFeed feed;
    private final WasIAffected lookup;
    private final AnnouncementTemplates templates;
    private final AnnouncementConfig config;

    PublicNoticeResource(PublicPages pages, AtomFeed feed, WasIAffected lookup, AnnouncementTemplates templates,
            AnnouncementConfig config) {
        this.pages = pages;
        this.feed = feed;
        this.lookup = lookup;
        this.templates = templates;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Index of published announcements (public)")
    public Response index(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return cached(pages.index(lang, accept), MediaType.TEXT_HTML, ifNoneMatch);
    }

    @GET
    @Path("/feed.atom")
    @Produces(ATOM)
    @Operation(summary = "Atom feed of published announcements (public)")
    public Response feed(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return cached(feed.render(), ATOM, ifNoneMatch);
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One announcement in the reader's language (lang=, else Accept-Language) (public)")
    public Response page(@PathParam("slug") String slug, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return cached(pages.page(slug, lang, accept), MediaType.TEXT_HTML, ifNoneMatch);
    }

    @POST
    @Path("/{slug}/lookup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "\"Was I affected?\": sends a one-time link to the contact if it belongs to an affected person; answers the same either way (public)")
    public Response ask(@PathParam("slug") String slug, @FormParam("contact") String contact,
            @FormParam("lang") String lang, @Context HttpServerRequest request) {
        String uiLang = uiLang(lang);
        Map<String, String> t = pages.wordingFor(uiLang);
        try {
            lookup.ask(slug, uiLang, contact, request.remoteAddress() == null ? "unknown" : request.remoteAddress().host());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            String key = e.status() == 429 ? "lookup.limited" : "lookup.invalid";
            String body = templates.template("lookup-answer.html").data("t", t).data("lang", uiLang).data("slug", slug)
                    .data("message", t.getOrDefault(key, e.getMessage())).data("error", true).render();
            Response.ResponseBuilder r = Response.status(e.status()).entity(body).type(html());
            if (e.status() == 429) {
                r.header("Retry-After", config.lookup().window().toSeconds());
            }
            return r.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        String body = templates.template("lookup-answer.html").data("t", t).data("lang", uiLang).data("slug", slug)
                .data("message", t.getOrDefault("lookup.sent", "")).data("error", false).render();
        return Response.ok(body, html()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("/{slug}/mine")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The form behind a one-time link; opening it reveals nothing until the person confirms (public)")
    public Response mineForm(@PathParam("slug") String slug, @QueryParam("token") String token,
            @QueryParam("lang") String lang) {
        String uiLang = uiLang(lang);
        String body = templates.template("mine.html").data("t", pages.wordingFor(uiLang)).data("lang", uiLang)
                .data("slug", slug).data("token", token == null ? "" : token).data("revealed", false)
                .data("categories", java.util.List.of()).data("invalid", false).render();
        return Response.ok(body, html()).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }

    @POST
    @Path("/{slug}/mine")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Uses a one-time link: shows which of the person's data categories were involved, once (public)")
    public Response mine(@PathParam("slug") String slug, @FormParam("token") String token,
            @FormParam("lang") String lang) {
        String uiLang = uiLang(lang);
        Map<String, String> t = pages.wordingFor(uiLang);
        Optional<WasIAffected.Reveal> reveal = lookup.reveal(slug, token);
        String body = templates.template("mine.html").data("t", t).data("lang", uiLang).data("slug", slug)
                .data("token", "").data("revealed", reveal.isPresent()).data("invalid", reveal.isEmpty())
                .data("categories", reveal.map(r -> r.categories().stream()
                        .map(c -> t.getOrDefault("category." + c, c)).toList()).orElse(java.util.List.of()))
                .render();
        return Response.status(reveal.isPresent() ? 200 : 410).entity(body).type(html())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    private String uiLang(String lang) {
        return lang != null && templates.locales().contains(lang) ? lang : config.defaultLocale();
    }

    private static MediaType html() {
        return MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    }

    private Response cached(PublicPages.Rendered page, String type, String ifNoneMatch) {
        EntityTag etag = new EntityTag(page.etag());
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) config.cacheMaxAge().toSeconds());
        cache.setPrivate(false);
        cache.setNoTransform(false);
        Response.ResponseBuilder r;
        if (page.status() == 200 && ifNoneMatch != null && matches(ifNoneMatch, page.etag())) {
            r = Response.notModified(etag);
        } else {
            r = Response.status(page.status()).entity(page.body()).type(MediaType.valueOf(type).withCharset("UTF-8"))
                    .tag(etag);
        }
        r.cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, page.language());
        if (page.lastModified() != null) {
            r.lastModified(Date.from(page.lastModified()));
        }
        return r.build();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals("\"" + etag + "\"") || c.equals("W/\"" + etag + "\"")) {
                return true;
            }
        }
        return false;
    }
}
