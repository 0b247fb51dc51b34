package org.herald.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.herald.channel.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wording folder is validated at start and on reload; errors name the file and the line. */
class NoticeTemplatesTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void validSms() throws IOException {
        write("notices/individual/sms/en/text.txt", "{content.basicSituation} {notice.enrolmentCode} {incident.infoUrl}");
    }

    @Test
    void theShippedWordingIsValidAndCarriesTheSixElementsOnEveryChannelInEnglishAndChinese() {
        NoticeTemplates shipped = new NoticeTemplates(Path.of("templates"));
        for (Channel channel : Channel.values()) {
            for (String locale : new String[] {"en", "zh-CN"}) {
                NoticeTemplates.TemplateSet set = shipped.find("individual", channel, locale).orElseThrow();
                assertThat(set.references()).as(channel + " " + locale).containsAll(NoticeModel.SIX.values());
            }
        }
        assertThat(shipped.hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void aParseErrorStopsTheStartNamingFileAndLine() throws IOException {
        write("notices/individual/sms/en/text.txt", "Line one\n{#if content.remedies}unclosed\n");
        assertThatThrownBy(() -> new NoticeTemplates(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notices/individual/sms/en/text.txt").hasMessageContaining("line ");
    }

    @Test
    void anUnknownNameOrAMissingFileIsAnError() throws IOException {
        write("notices/individual/sms/en/text.txt", "{content.noSuchElement}");
        write("notices/individual/email/en/subject.txt", "Subject");
        assertThatThrownBy(() -> new NoticeTemplates(dir)).hasMessageContaining("noSuchElement")
                .hasMessageContaining("notices/individual/email/en/body.txt: missing");
    }

    @Test
    void aReloadWithErrorsKeepsTheWordingInUseAndAGoodReloadChangesTheHash() throws IOException {
        validSms();
        NoticeTemplates templates = new NoticeTemplates(dir);
        String before = templates.hash();
        write("notices/individual/sms/en/text.txt", "{#for}");
        assertThat(templates.reload()).singleElement().asString().contains("notices/individual/sms/en/text.txt");
        assertThat(templates.hash()).isEqualTo(before);
        assertThat(templates.find("individual", Channel.SMS, "en")).isPresent();

        write("notices/individual/sms/en/text.txt", "New wording {content.basicSituation}");
        assertThat(templates.reload()).isEmpty();
        assertThat(templates.hash()).isNotEqualTo(before);
    }

    @Test
    void htmlValuesAreEscapedAndTheRenderingHashDependsOnTheContent() throws IOException {
        write("notices/individual/letter/en/letter.html", "<p>{content.basicSituation}</p>");
        NoticeTemplates templates = new NoticeTemplates(dir);
        NoticeTemplates.TemplateSet set = templates.find("individual", Channel.LETTER, "en").orElseThrow();
        var model = NoticeModel.sample("en");
        @SuppressWarnings("unchecked")
        var content = (java.util.Map<String, Object>) model.get("content");
        content.put("basicSituation", "<script>x</script>");
        NoticeTemplates.Rendered r = templates.render(set, model);
        assertThat(r.html()).isEqualTo("<p>&lt;script&gt;x&lt;/script&gt;</p>");
        assertThat(r.sha256()).isNotEqualTo(templates.render(set, NoticeModel.sample("en")).sha256());
    }
}
