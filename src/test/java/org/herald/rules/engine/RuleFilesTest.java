package org.herald.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.herald.rules.model.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule files validate against the schema; a bad one is refused with its file, path and reason. */
class RuleFilesTest {

    private static final String MINIMAL = """
            regimeId: XX/TEST-1
            name: Test regime
            jurisdiction: XX
            coverage: {countries: [XX]}
            citations: ["Test Act s.1"]
            sourceUrls: [https://example.org/test-act]
            status: in_force
            confidence: primary
            timeZone: UTC
            notices:
              - kind: authority_notice
                recipient: XX_AUTHORITY
                deadline: {value: 24, unit: hours, clockStart: awareness}
            """;

    private static Regime read(String yaml) {
        return new RuleFiles().readRegime("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMinimalFileIsRead() {
        Regime r = read(MINIMAL);
        assertEquals("XX/TEST-1", r.regimeId());
        assertEquals(24, r.notices().get(0).deadline().value());
        assertEquals("none", r.trigger().harmThreshold());
    }

    @Test
    void anUnknownUnitIsRefusedWithItsPath() {
        InvalidRuleFile e = assertThrows(InvalidRuleFile.class, () -> read(MINIMAL.replace("unit: hours", "unit: fortnights")));
        assertTrue(e.getMessage().startsWith("Rule file test.yaml is invalid: "), e.getMessage());
        assertTrue(e.getMessage().contains("$.notices[0].deadline.unit"), e.getMessage());
    }

    @Test
    void aMissingFieldAndAnUnknownFieldAreNamed() {
        InvalidRuleFile missing = assertThrows(InvalidRuleFile.class, () -> read(MINIMAL.replace("confidence: primary\n", "")));
        assertTrue(missing.getMessage().contains("confidence"), missing.getMessage());
        InvalidRuleFile unknown = assertThrows(InvalidRuleFile.class, () -> read(MINIMAL + "penalty: 10\n"));
        assertTrue(unknown.getMessage().contains("penalty"), unknown.getMessage());
    }

    @Test
    void aComparatorMustBeExplicit() {
        String yaml = MINIMAL + "    when: {count: {comparator: about, value: 500}}\n";
        InvalidRuleFile e = assertThrows(InvalidRuleFile.class, () -> read(yaml));
        assertTrue(e.getMessage().contains("$.notices[0].when.count.comparator"), e.getMessage());
    }

    @Test
    void businessDaysNeedACalendarAndTheTimeZoneMustExist() {
        InvalidRuleFile days = assertThrows(InvalidRuleFile.class,
                () -> read(MINIMAL.replace("value: 24, unit: hours", "value: 3, unit: business_days")));
        assertTrue(days.getMessage().contains("needs a businessCalendar"), days.getMessage());
        InvalidRuleFile zone = assertThrows(InvalidRuleFile.class, () -> read(MINIMAL.replace("timeZone: UTC", "timeZone: Mars/Olympus")));
        assertTrue(zone.getMessage().contains("$.timeZone"), zone.getMessage());
    }

    @Test
    void everyShippedFileIsListedInTheIndexAndLoads() throws IOException {
        Path dir = Path.of("src/main/resources/rules");
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(dir)) {
            onDisk = files.filter(p -> p.toString().endsWith(".yaml")).map(p -> dir.relativize(p).toString())
                    .collect(Collectors.toSet());
        }
        Set<String> listed = Files.readAllLines(dir.resolve("index.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        assertEquals(onDisk, listed);
        assertEquals(onDisk.size() - 2, Rules.CATALOG.regimes().size());
    }

    @Test
    void aDeploymentDirectoryAddsAndReplacesRegimes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("xx.yaml"), MINIMAL);
        Files.writeString(dir.resolve("ma.yaml"), Files.readString(Path.of("src/main/resources/rules/us-ma.yaml"))
                .replace("name: Massachusetts General Laws chapter 93H", "name: Massachusetts (deployment copy)"));
        RuleCatalog c = new RuleCatalog(Optional.of(dir));
        assertEquals(Rules.CATALOG.regimes().size() + 1, c.regimes().size());
        assertEquals("Massachusetts (deployment copy)", c.regime("US-MA/93H").orElseThrow().name());
    }

    @Test
    void aBadDeploymentFileStopsTheLoadNamingTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), MINIMAL.replace("status: in_force", "status: rumoured"));
        InvalidRuleFile e = assertThrows(InvalidRuleFile.class, () -> new RuleCatalog(Optional.of(dir)));
        assertTrue(e.getMessage().contains("broken.yaml") && e.getMessage().contains("$.status"), e.getMessage());
    }

    @Test
    void confidenceIsTheWeakestOfItsParts() {
        assertEquals("unconfirmed", Evaluator.weakest("primary", "unconfirmed", "secondary"));
        assertEquals("secondary", Evaluator.weakest("primary", null, "secondary"));
        assertEquals(List.of(), List.of());
    }
}
