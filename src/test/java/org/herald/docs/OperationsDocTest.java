package org.herald.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/operations.md lists every setting and environment variable the application reads. */
class OperationsDocTest {

    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path DOC = Path.of("docs/operations.md");

    @Test
    void everySettingIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        Set<String> missing = new TreeSet<>();
        for (String key : keys()) {
            if (key.startsWith("%")) {
                continue; // profile-specific values of documented keys
            }
            if (!doc.contains("`" + key + "`") && !documentedByPrefix(doc, key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("settings in application.properties missing from docs/operations.md").isEmpty();
    }

    @Test
    void everyEnvironmentVariableIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        Set<String> missing = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)").matcher(Files.readString(PROPERTIES));
        while (m.find()) {
            if (!doc.contains("`" + m.group(1) + "`")) {
                missing.add(m.group(1));
            }
        }
        assertThat(missing).as("environment variables missing from docs/operations.md").isEmpty();
    }

    /** A row like {@code quarkus.http.auth.form.*} documents the keys under it. */
    private static boolean documentedByPrefix(String doc, String key) {
        for (int i = key.lastIndexOf('.'); i > 0; i = key.lastIndexOf('.', i - 1)) {
            if (doc.contains("`" + key.substring(0, i) + ".*`")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keys() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(PROPERTIES)) {
            p.load(r);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
