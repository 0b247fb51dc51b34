package org.herald.shared.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Supplies the datasource settings of the embedded PostgreSQL when no datasource URL is
 * configured, starting the server first. An explicit {@code quarkus.datasource.jdbc.url}
 * (environment {@code QUARKUS_DATASOURCE_JDBC_URL}) always wins and nothing is started.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseConfigSourceFactory.class);

    /** Below application.properties (250) and the environment (300): configured values win. */
    static final int ORDINAL = 200;

    private static EmbeddedDatabase running;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue("quarkus.datasource.jdbc.url"))
                || !Boolean.parseBoolean(valueOr(context, "herald.embedded-db.enabled", "true"))) {
            return List.of();
        }
        Path dir = Path.of(valueOr(context, "herald.data-dir", "data")).resolve("postgres");
        int port = Integer.parseInt(valueOr(context, "herald.embedded-db.port", "0"));
        boolean fresh = Boolean.parseBoolean(valueOr(context, "herald.embedded-db.fresh", "false"));
        return List.of(new LazySource(() -> startOnce(dir, port, fresh)));
    }

    /**
     * Starts the server only when the datasource settings are read: the build reads the
     * configuration too, and must not start a database.
     */
    static final class LazySource implements ConfigSource {
        private static final Set<String> NAMES = Set.of(
                "quarkus.datasource.jdbc.url", "quarkus.datasource.username");
        private final Supplier<EmbeddedDatabase> database;

        LazySource(Supplier<EmbeddedDatabase> database) {
            this.database = database;
        }

        @Override
        public Set<String> getPropertyNames() {
            return NAMES;
        }

        @Override
        public String getValue(String name) {
            if (readByTheBuild()) {
                return null;
            }
            return switch (name) {
                case "quarkus.datasource.jdbc.url" -> database.get().jdbcUrl();
                case "quarkus.datasource.username" -> EmbeddedDatabase.USER;
                default -> null;
            };
        }

        /**
         * Quarkus also reads every configuration value while it builds the application (to find
         * build-time settings); the datasource URL is a run-time setting, so the build gets none.
         */
        private static boolean readByTheBuild() {
            return StackWalker.getInstance().walk(frames -> frames
                    .anyMatch(f -> f.getClassName().startsWith("io.quarkus.deployment.configuration.")));
        }

        @Override
        public String getName() {
            return "herald-embedded-postgresql";
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }

    /** One server per JVM: dev-mode reloads and test profiles reuse it. */
    private static synchronized EmbeddedDatabase startOnce(Path dir, int port, boolean fresh) {
        if (running == null) {
            running = EmbeddedDatabase.start(dir, port, fresh);
            LOG.infof("Embedded PostgreSQL on port %d, data in %s", running.port(), running.dataDirectory());
            EmbeddedDatabase db = running;
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgresql-stop"));
        }
        return running;
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOr(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return isSet(value) ? value.getValue() : fallback;
    }
}
