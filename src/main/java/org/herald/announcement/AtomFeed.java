package org.herald.announcement;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The Atom feed (RFC 4287) of published announcements, written with a streaming XML writer so
 * every text is escaped and the document is always well-formed. Entry ids are the announcement ids
 * as URNs, stable across revisions; {@code updated} moves with each revision.
 */
@ApplicationScoped
public class AtomFeed {

    static final String NS = "http://www.w3.org/2005/Atom";

    private final PublicPages pages;
    private final AnnouncementConfig config;

    AtomFeed(PublicPages pages, AnnouncementConfig config) {
        this.pages = pages;
        this.config = config;
    }

    public PublicPages.Rendered render() {
        List<PublicPages.Published> published = pages.published();
        String lang = config.defaultLocale();
        Map<String, String> t = pages.wordingFor(lang);
        String base = base();
        Instant newest = published.stream().map(p -> p.latest().publishedAt()).max(Instant::compareTo).orElse(Instant.EPOCH);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(NS);
            x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang);
            text(x, "id", base + "/notices/feed.atom");
            text(x, "title", t.getOrDefault("feedTitle", "Data security notices"));
            text(x, "updated", iso(newest));
            x.writeStartElement("author");
            text(x, "name", t.getOrDefault("publisher", "Herald"));
            x.writeEndElement();
            link(x, "self", base + "/notices/feed.atom", "application/atom+xml");
            link(x, "alternate", base + "/notices", "text/html");
            for (PublicPages.Published p : published) {
                String contentLang = p.content().byLocale().containsKey(lang) ? lang
                        : p.content().byLocale().keySet().iterator().next();
                PublicContent.Elements e = p.content().byLocale().get(contentLang);
                x.writeStartElement("entry");
                text(x, "id", "urn:uuid:" + p.announcement().id());
                text(x, "title", t.getOrDefault("title", "") + " " + p.content().reference());
                text(x, "published", iso(p.first().publishedAt()));
                text(x, "updated", iso(p.latest().publishedAt()));
                link(x, "alternate", base + "/notices/" + p.announcement().slug(), "text/html");
                x.writeStartElement("summary");
                x.writeAttribute("type", "text");
                x.writeCharacters(e.basicSituation());
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing the Atom feed failed", e);
        }
        return PublicPages.Rendered.of(200, out.toString(), lang, newest);
    }

    private String base() {
        String b = config.publicBaseUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value == null ? "" : value);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }

    private static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
