import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a synthetic subject import: one e-mail address and one phone number per subject, all
 * obviously fake (example.org addresses, the fictional US 555-01xx range).
 *
 * <p>Usage: {@code java bench/GenerateSubjects.java <count> <file.csv> [source]}
 */
public class GenerateSubjects {

    private static final List<String> AREA_CODES = List.of("201", "202", "203", "205", "206", "207", "208", "209",
            "210", "212", "213", "214", "215", "216", "217", "218", "219", "224", "225", "228", "229", "231", "234",
            "239", "240", "248", "251", "252", "253", "254", "256", "260", "262", "267", "269", "270", "272", "276",
            "281", "301", "302", "303", "304", "305", "307", "308", "309", "310", "312", "313");
    private static final List<String> REGIONS = List.of("US-CA", "US-NY", "US-TX", "US-FL", "US-WA");

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        String source = args.length > 2 ? args[2] : "bench";
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("source_system,external_ref,display_name,locale,country,region,emails,phones\n");
            StringBuilder line = new StringBuilder(160);
            for (int i = 1; i <= count; i++) {
                line.setLength(0);
                line.append(source).append(",B-").append(i).append(",Bench Person ").append(i).append(",en-US,US,")
                        .append(REGIONS.get(i % REGIONS.size())).append(",bench.person").append(i)
                        .append("@example.org,(").append(AREA_CODES.get(i % AREA_CODES.size())).append(") 555-01")
                        .append(String.format("%02d", (i / AREA_CODES.size()) % 100)).append('\n');
                w.append(line);
            }
        }
    }
}
