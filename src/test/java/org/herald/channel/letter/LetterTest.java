package org.herald.channel.letter;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSenders;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.DeliveryOutcome.Kind;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.herald.channel.PostalAddressLines;
import org.herald.channel.sms.RecordedFeedback;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Letters: one PDF per person (read back with PDFBox, Chinese included), HELD while queued for print,
 * the print batch with its manifest, "handed to print" as ACCEPTED feedback, and returned mail turning
 * into PERMANENT feedback.
 */
@QuarkusTest
class LetterTest {

    @Inject
    ChannelSenders senders;

    @Inject
    PrintHouseLetterSender printHouse;

    @Inject
    LetterOffice office;

    @Inject
    RecordedFeedback feedback;

    private static final PostalAddressLines ADDRESS = new PostalAddressLines(List.of("1 Example Street", "Flat 2"),
            "Springfield", "Test County", "EX1 2MP", "GB");

    private static OutgoingMessage aLetter(Locale locale, String name, String subject, String body) {
        return OutgoingMessage.letter(new IdempotencyKey(UUID.randomUUID(), 1), name, ADDRESS, locale, subject, body, null);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private byte[] pdfOf(OutgoingMessage m) {
        return QuarkusTransaction.requiringNew().call(() -> office.byKey(m.idempotencyKey().value()).orElseThrow().pdf().clone());
    }

    private Letter stored(OutgoingMessage m) {
        return QuarkusTransaction.requiringNew().call(() -> office.byKey(m.idempotencyKey().value()).orElseThrow());
    }

    @Test
    void aChineseLetterIsRenderedWithItsAddressBlockAndReadableText() throws IOException {
        assertThat(senders.forChannel(Channel.LETTER).orElseThrow().provider()).isEqualTo("sandbox");
        OutgoingMessage letter = aLetter(Locale.forLanguageTag("zh-CN"), "测试对象一", "关于您个人信息的重要通知",
                "我们发现了一起可能影响您个人信息的数据安全事件。\n\n请查看我们网站上的说明。");

        DeliveryOutcome outcome = senders.send(letter);

        assertThat(outcome.kind()).isEqualTo(Kind.DELIVERED);
        Letter stored = stored(letter);
        assertThat(outcome.providerReference()).isEqualTo(stored.barcode());
        assertThat(stored.status()).isEqualTo(Letter.Status.SANDBOX);
        String text = text(pdfOf(letter)).replaceAll("\\s+", "");
        assertThat(text).contains("测试对象一", "关于您个人信息的重要通知", "我们发现了一起可能影响您个人信息的数据安全事件。",
                "1ExampleStreet", "EX12MPSpringfield", "UNITEDKINGDOM", stored.barcode());
        assertThat(stored.pages()).isEqualTo(1);
    }

    @Test
    void aReplayedAttemptRendersOnce() {
        OutgoingMessage letter = aLetter(Locale.ENGLISH, "Test Subject 1", "Notice", "Body.");

        DeliveryOutcome first = senders.send(letter);
        DeliveryOutcome replay = senders.send(letter);

        assertThat(replay.providerReference()).isEqualTo(first.providerReference());
    }

    @Test
    void aLongLetterTakesSeveralPagesEachWithTheBarcode() throws IOException {
        OutgoingMessage letter = aLetter(Locale.ENGLISH, "Test Subject 2", "Notice",
                "An incident may have affected your personal data. ".repeat(40).concat("\n\n").repeat(12));

        senders.send(letter);

        Letter stored = stored(letter);
        assertThat(stored.pages()).isGreaterThan(1);
        String text = text(pdfOf(letter));
        assertThat(text.split(stored.barcode(), -1)).hasSize(stored.pages() + 1);
    }

    @Test
    void aPrintBatchIsHandedToPrintAndAReturnedLetterBecomesPermanentFeedback() throws IOException {
        OutgoingMessage one = aLetter(Locale.ENGLISH, "Test Subject 3", "Notice", "First letter.");
        OutgoingMessage two = aLetter(Locale.forLanguageTag("zh-CN"), "测试对象二", "通知", "第二封信。");
        DeliveryOutcome queuedOne = printHouse.send(one);
        assertThat(queuedOne.kind()).as("a letter in Herald's print queue has not left Herald").isEqualTo(Kind.HELD);
        assertThat(queuedOne.reachedProvider()).isFalse();
        assertThat(printHouse.send(two).kind()).isEqualTo(Kind.HELD);
        String barcodeOne = stored(one).barcode();
        String barcodeTwo = stored(two).barcode();

        Response cut = TestUsers.asAnalyst().post("/api/letters/batches");
        assertThat(cut.statusCode()).isEqualTo(201);
        String batch = cut.jsonPath().getString("id");

        String manifest = TestUsers.asAnalyst().get("/api/letters/batches/" + batch + "/manifest.csv").then().statusCode(200)
                .extract().asString();
        Map<String, CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(manifest)).getRecords().stream()
                .collect(Collectors.toMap(r -> r.get("barcode"), r -> r));
        assertThat(rows.get(barcodeOne).get("notice_id")).isEqualTo(one.idempotencyKey().noticeId().toString());
        assertThat(rows.get(barcodeOne).get("name")).isEqualTo("Test Subject 3");
        assertThat(rows.get(barcodeOne).get("address")).isEqualTo("1 Example Street, Flat 2, EX1 2MP Springfield, Test County, UNITED KINGDOM");
        assertThat(rows.get(barcodeTwo).get("name")).isEqualTo("测试对象二");
        byte[] merged = TestUsers.asAnalyst().get("/api/letters/batches/" + batch + "/letters.pdf").then().statusCode(200)
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(merged)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(rows.values().stream().mapToInt(r -> Integer.parseInt(r.get("pages"))).sum());
        }
        assertThat(text(merged)).contains(barcodeOne, barcodeTwo, "第二封信。");
        assertThat(feedback.about(one.idempotencyKey())).isEmpty();

        TestUsers.asAnalyst().post("/api/letters/batches/" + batch + "/handed-to-print").then().statusCode(200);
        TestUsers.asAnalyst().post("/api/letters/batches/" + batch + "/handed-to-print").then().statusCode(409);

        assertThat(feedback.about(one.idempotencyKey())).singleElement().satisfies(f -> {
            assertThat(f.outcome().kind()).as("handed over, not confirmed delivered").isEqualTo(Kind.ACCEPTED);
            assertThat(f.outcome().providerCode()).isEqualTo("handed-to-print");
            assertThat(f.providerReference()).isEqualTo(barcodeOne);
        });
        assertThat(stored(two).status()).isEqualTo(Letter.Status.HANDED_TO_PRINT);

        Response returns = TestUsers.asAnalyst().contentType("text/csv").body("barcode\n" + barcodeTwo.toLowerCase() + "\nHL0000000000000000\n")
                .post("/api/letters/returns");
        assertThat(returns.statusCode()).isEqualTo(200);
        assertThat(returns.jsonPath().getInt("returned")).isEqualTo(1);
        assertThat(returns.jsonPath().getList("unknown")).containsExactly("HL0000000000000000");
        assertThat(feedback.about(two.idempotencyKey())).hasSize(2).last().satisfies(f -> {
            assertThat(f.outcome().kind()).isEqualTo(Kind.PERMANENT);
            assertThat(f.outcome().providerCode()).isEqualTo("returned");
            assertThat(f.providerReference()).isEqualTo(barcodeTwo);
        });
        assertThat(stored(two).status()).isEqualTo(Letter.Status.RETURNED);

        Response again = TestUsers.asAnalyst().contentType("text/csv").body(barcodeTwo + "\n").post("/api/letters/returns");
        assertThat(again.jsonPath().getList("alreadyReturned")).containsExactly(barcodeTwo);
        assertThat(feedback.about(two.idempotencyKey())).hasSize(2);
    }

    @Test
    void aLetterReturnedBeforeItsBatchIsHandedToPrintIsNotReportedAsHandedOver() {
        OutgoingMessage letter = aLetter(Locale.ENGLISH, "Test Subject 5", "Notice", "Returned early.");
        assertThat(printHouse.send(letter).kind()).isEqualTo(Kind.HELD);
        String barcode = stored(letter).barcode();
        String batch = TestUsers.asAnalyst().post("/api/letters/batches").then().statusCode(201).extract().path("id");

        TestUsers.asAnalyst().contentType("text/csv").body(barcode + "\n").post("/api/letters/returns").then().statusCode(200);
        TestUsers.asAnalyst().post("/api/letters/batches/" + batch + "/handed-to-print").then().statusCode(200);

        assertThat(feedback.about(letter.idempotencyKey())).singleElement()
                .satisfies(f -> assertThat(f.outcome().kind()).isEqualTo(Kind.PERMANENT));
        assertThat(stored(letter).status()).isEqualTo(Letter.Status.RETURNED);
    }

    @Test
    void returnsAndBatchesNeedTheAnalystRole() {
        TestUsers.asAuditor().contentType("text/csv").body("HL0000000000000001\n").post("/api/letters/returns").then().statusCode(403);
        TestUsers.anonymous().contentType("text/csv").body("HL0000000000000001\n").post("/api/letters/returns").then().statusCode(401);
        TestUsers.asAnalyst().contentType("text/csv").body("\n").post("/api/letters/returns").then().statusCode(400);
    }

    @Test
    void theConsoleListsSandboxLettersWithTheirPdf() {
        OutgoingMessage letter = aLetter(Locale.ENGLISH, "Test Subject 4", "Notice", "Console letter.");
        senders.send(letter);
        Letter stored = stored(letter);
        TestUsers.asAnalyst();
        String cookie = RestAssured.given().redirects().follow(false)
                .formParam("j_username", "analyst").formParam("j_password", TestUsers.PASSWORD)
                .post("/j_security_check").getCookie("herald-session");

        String page = RestAssured.given().cookie("herald-session", cookie).get("/console/letters").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains(stored.barcode(), "/console/letters/" + stored.id() + ".pdf");
        byte[] pdf = RestAssured.given().cookie("herald-session", cookie).get("/console/letters/" + stored.id() + ".pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(pdf).isEqualTo(pdfOf(letter));
    }
}
