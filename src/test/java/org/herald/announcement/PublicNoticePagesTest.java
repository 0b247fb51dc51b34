package org.herald.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.herald.notice.DeliveryStatisticsSource;
import org.herald.rules.Obligations;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The public pages, the index and the Atom feed: languages, caching, valid Atom, and no personal data anywhere. */
@QuarkusTest
class PublicNoticePagesTest {

    private FakeObligations rules;

    @BeforeEach
    void fakes() {
        rules = new FakeObligations();
        Fakes.install(rules, Obligations.class);
        Fakes.install(new FakeDeliveries(), DeliveryStatisticsSource.class);
    }

    /** A breach whose announcement is published; returns its slug. */
    record Live(Breach breach, String id, String slug) {
    }

    Live published() {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.californiaInsufficientContact()));
        String base = "/api/incidents/" + b.incidentId() + "/announcements";
        Map<String, String> proposed = TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of()).post(base)
                .then().statusCode(201).extract().jsonPath().getMap("$");
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of())
                .post(base + "/" + proposed.get("id") + "/publish").then().statusCode(200);
        return new Live(b, proposed.get("id"), proposed.get("slug"));
    }

    @Test
    void thePageSpeaksTheReadersLanguageAndOffersTheOther() {
        Live live = published();
        String page = "/notices/" + live.slug();

        Response en = TestUsers.anonymous().get(page);
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.header("Content-Language")).isEqualTo("en");
        assertThat(en.header("Vary")).contains("Accept-Language");
        assertThat(en.asString()).contains("<html lang=\"en\">", Breach.BASIC_SITUATION, "What you can do",
                "Be wary of e-mails asking for card details.", "Payment card numbers", "March 2025 to 20 March 2025",
                "href=\"/notices/" + live.slug() + "?lang=zh-CN\" hreflang=\"zh-CN\"");

        Response zh = TestUsers.anonymous().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").get(page);
        assertThat(zh.header("Content-Language")).isEqualTo("zh-CN");
        assertThat(zh.asString()).contains("<html lang=\"zh-CN\">", Breach.ZH_BASIC_SITUATION, "数据安全事件公告",
                "您可以采取的防范措施", "银行卡号", "2025年3月至2025年3月20日");

        // The switcher's explicit choice wins over the header.
        Response chosen = TestUsers.anonymous().header("Accept-Language", "zh-CN").queryParam("lang", "en").get(page);
        assertThat(chosen.header("Content-Language")).isEqualTo("en");
        // A language the notice does not have falls back to the default.
        assertThat(TestUsers.anonymous().header("Accept-Language", "fr-FR").get(page).header("Content-Language"))
                .isEqualTo("en");
    }

    @Test
    void pagesAndTheFeedAreCacheableAndRevalidate() {
        Live live = published();
        String page = "/notices/" + live.slug();
        Response first = TestUsers.anonymous().get(page);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("max-age=300");
        assertThat(first.header("Last-Modified")).isNotBlank();

        TestUsers.anonymous().header("If-None-Match", etag).get(page).then().statusCode(304);
        // The Chinese page is a different representation with its own validator.
        Response zh = TestUsers.anonymous().header("Accept-Language", "zh-CN").header("If-None-Match", etag).get(page);
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.header("ETag")).isNotEqualTo(etag);

        Response feed = TestUsers.anonymous().get("/notices/feed.atom");
        TestUsers.anonymous().header("If-None-Match", feed.header("ETag")).get("/notices/feed.atom").then().statusCode(304);
    }

    @Test
    void noPageFeedOrPressReleaseShowsANameEmailOrPhoneOfAnAffectedPerson() throws Exception {
        Live live = published();
        String slug = live.slug();
        List<String> bodies = List.of(
                TestUsers.anonymous().get("/notices/" + slug).asString(),
                TestUsers.anonymous().queryParam("lang", "zh-CN").get("/notices/" + slug).asString(),
                TestUsers.anonymous().get("/notices").asString(),
                TestUsers.anonymous().queryParam("lang", "zh-CN").get("/notices").asString(),
                TestUsers.anonymous().get("/notices/feed.atom").asString(),
                TestUsers.asAnalyst().get("/api/incidents/" + live.breach().incidentId() + "/announcements/" + live.id()
                        + "/press-release").asString(),
                pdfText(live, "en"));
        for (String body : bodies) {
            assertThat(body).as("a real page, not an error").contains("INC-");
            for (String value : live.breach().personalValues()) {
                assertThat(body).doesNotContainIgnoringCase(value);
            }
            // The subjects' fictional numbers are +1 202 555 01xx; only the office's 0100 may appear.
            assertThat(body.replace("+1 202 555 0100", "")).doesNotContainPattern("\\+?1?[ -]?\\(?202\\)?[ -]?555[ -]?01\\d\\d");
        }
    }

    @Test
    void theAtomFeedIsValidAtomThatAFeedReaderReads() throws Exception {
        Live live = published();
        Response response = TestUsers.anonymous().get("/notices/feed.atom");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/atom+xml");
        String xml = response.asString();

        // Strict, namespace-aware parse with no external entities.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        Document doc = builder.parse(new InputSource(new StringReader(xml)));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated")) {
            assertThat(feed.getElementsByTagNameNS(AtomFeed.NS, required).getLength()).as(required).isGreaterThan(0);
        }
        NodeList entries = feed.getElementsByTagNameNS(AtomFeed.NS, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            for (String required : List.of("id", "title", "updated", "link")) {
                assertThat(entry.getElementsByTagNameNS(AtomFeed.NS, required).getLength()).as(required).isEqualTo(1);
            }
        }

        SyndFeed read = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(response.asByteArray())));
        assertThat(read.getFeedType()).isEqualTo("atom_1.0");
        SyndEntry mine = read.getEntries().stream().filter(e -> e.getUri().equals("urn:uuid:" + live.id())).findFirst()
                .orElseThrow();
        assertThat(mine.getLink()).isEqualTo("http://localhost:8080/notices/" + live.slug());
        assertThat(mine.getDescription().getValue()).isEqualTo(Breach.BASIC_SITUATION);
        assertThat(mine.getUpdatedDate()).isNotNull();
        assertThat(mine.getPublishedDate()).isNotNull();
    }

    @Test
    void theIndexListsPublishedNoticesOnly() {
        Live live = published();
        Breach proposedOnly = Breach.recorded();
        rules.terms.put(proposedOnly.incidentId(), List.of(Breach.californiaInsufficientContact()));
        String slug = TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of())
                .post("/api/incidents/" + proposedOnly.incidentId() + "/announcements").then().statusCode(201)
                .extract().path("slug");

        String index = TestUsers.anonymous().get("/notices").then().statusCode(200).extract().asString();
        assertThat(index).contains("href=\"/notices/" + live.slug() + "?lang=en\"").doesNotContain("/notices/" + slug + "?");
        TestUsers.anonymous().get("/notices/" + slug).then().statusCode(404);
        TestUsers.anonymous().get("/notices/no-such-notice").then().statusCode(404);
    }

    @Test
    void thePressReleaseRendersChineseInItsPdf() throws Exception {
        Live live = published();
        String html = TestUsers.asAnalyst().queryParam("lang", "zh-CN").get("/api/incidents/" + live.breach().incidentId()
                + "/announcements/" + live.id() + "/press-release").then().statusCode(200).extract().asString();
        assertThat(html).contains("新闻稿", Breach.ZH_BASIC_SITUATION);

        String text = pdfText(live, "zh-CN");
        assertThat(text).contains("新闻稿").contains("客户数据库");
        TestUsers.anonymous().get("/api/incidents/" + live.breach().incidentId() + "/announcements/" + live.id()
                + "/press-release").then().statusCode(401);
    }

    private static String pdfText(Live live, String lang) throws Exception {
        byte[] pdf = TestUsers.asAnalyst().queryParam("format", "pdf").queryParam("lang", lang)
                .get("/api/incidents/" + live.breach().incidentId() + "/announcements/" + live.id() + "/press-release")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
