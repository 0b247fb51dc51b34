package org.herald.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What application.properties tells about the settings Herald understands: property keys, the
 * environment variables referenced as {@code ${NAME:default}}, the HTTP port and the health paths.
 */
final class ApplicationSettings {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");

    /** Unprofiled keys with their values; profiled keys ({@code %test.x}) count as known keys only. */
    private final Map<String, String> values;
    private final Set<String> environmentForms = new TreeSet<>();
    private final Set<String> referencedVariables = new TreeSet<>();

    private ApplicationSettings(Properties properties) {
        Map<String, String> unprofiled = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            String bare = PROFILE.matcher(key).replaceFirst("");
            if (bare.equals(key)) {
                unprofiled.put(key, value);
            }
            environmentForms.add(environmentForm(bare));
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                referencedVariables.add(m.group(1));
            }
        }
        this.values = Map.copyOf(unprofiled);
    }

    static ApplicationSettings load(Path applicationProperties) {
        try {
            return parse(Files.readString(applicationProperties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApplicationSettings parse(String propertiesText) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(propertiesText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApplicationSettings(properties);
    }

    /**
     * The environment variable that sets a property, as SmallRye Config maps them: every
     * character other than a letter or digit becomes {@code _}, then upper case
     * ({@code herald.embedded-db.enabled} is {@code HERALD_EMBEDDED_DB_ENABLED}).
     */
    static String environmentForm(String propertyKey) {
        return propertyKey.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * Whether Herald reads this environment variable: referenced as {@code ${NAME}}, the
     * environment form of a key in application.properties, or one of the Quarkus variables
     * that configure the datasource and the HTTP port without a key of their own.
     */
    boolean understands(String variable) {
        return referencedVariables.contains(variable)
                || environmentForms.contains(variable)
                || variable.equals("QUARKUS_HTTP_PORT")
                || variable.startsWith("QUARKUS_DATASOURCE_");
    }

    Set<String> referencedVariables() {
        return referencedVariables;
    }

    Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    int httpPort() {
        return Integer.parseInt(value("quarkus.http.port").orElse("8080"));
    }

    /**
     * Path of one health check ({@code live}, {@code ready}, {@code started}) as Quarkus serves it:
     * under the non-application root ({@code /q}) and the health root ({@code health}), unless a
     * configured path is absolute.
     */
    String healthPath(String check) {
        String subKey = switch (check) {
            case "live" -> "quarkus.smallrye-health.liveness-path";
            case "ready" -> "quarkus.smallrye-health.readiness-path";
            case "started" -> "quarkus.smallrye-health.startup-path";
            default -> throw new IllegalArgumentException(check);
        };
        String root = value("quarkus.http.root-path").orElse("/");
        String nonApplication = resolve(root, value("quarkus.http.non-application-root-path").orElse("q"));
        String health = resolve(nonApplication, value("quarkus.smallrye-health.root-path").orElse("health"));
        return resolve(health, value(subKey).orElse(check));
    }

    private static String resolve(String base, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (base.endsWith("/") ? base : base + "/") + path;
    }
}
