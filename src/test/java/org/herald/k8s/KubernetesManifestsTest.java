package org.herald.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.k8s.KubernetesManifests.Entry;
import org.herald.k8s.KubernetesManifests.Generator;
import org.herald.k8s.KubernetesManifests.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifests under k8s/ hold together and match the application: every kustomization
 * reference resolves, ports, health paths and environment variable names are the ones Herald
 * uses, pods run locked down, and no Secret is committed. Plain JUnit: nothing boots.
 */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("k8s");
    static final Path DEV = K8S.resolve("overlays/dev");
    static final Path PRODUCTION = K8S.resolve("overlays/production");
    static final String CREDENTIALS_SECRET = "herald-config-creds";

    static KubernetesManifests manifests;
    static ApplicationSettings settings;
    static ManifestChecks checks;

    @BeforeAll
    static void readManifestsAndApplicationProperties() {
        manifests = KubernetesManifests.load(K8S);
        settings = ApplicationSettings.load(Path.of("src/main/resources/application.properties"));
        checks = new ManifestChecks(manifests, settings);
    }

    @Test
    void everyManifestParsesAndNamesItsObject() {
        assertFalse(manifests.kustomizations().isEmpty(), "no kustomization.yaml under " + K8S);
        assertNoProblems(checks.incompleteObjects());
    }

    @Test
    void everyKustomizationReferenceResolves() {
        assertFalse(manifests.references().isEmpty(), "the kustomizations refer to nothing");
        assertNoProblems(checks.unresolvedReferences());
    }

    @Test
    void everyManifestIsPartOfSomeKustomization() {
        assertNoProblems(checks.unusedFiles());
    }

    @Test
    void containerAndServicePortsAreTheApplicationPort() {
        assertNoProblems(checks.portProblems());
    }

    @Test
    void probesAskTheHealthEndpoints() {
        assertEquals("/q/health/live", settings.healthPath("live"));
        assertNoProblems(checks.probeProblems());
    }

    @Test
    void everyEnvironmentVariableIsASettingHeraldReads() {
        assertTrue(checks.heraldSettings().size() > 10, "found too few settings to believe the search");
        assertNoProblems(checks.unknownVariables());
    }

    @Test
    void unknownVariableIsReportedWithFileAndField() {
        KubernetesManifests inline = KubernetesManifests.of(Path.of("inline.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: herald
                spec:
                  template:
                    spec:
                      containers:
                        - name: herald
                          envFrom:
                            - configMapRef:
                                name: herald-config
                          env:
                            - name: HERALD_LOG_JSON
                              value: "true"
                            - name: HERALD_LOGS_JSON
                              value: "true"
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: herald-config
                data:
                  HERALD_OIDC_ENABLED: "false"
                  HERALD_OIDC_ENABLE: "true"
                """);

        List<String> problems = new ManifestChecks(inline, settings).unknownVariables();

        assertEquals(2, problems.size(), () -> String.join("\n", problems));
        assertTrue(problems.get(0).startsWith(
                "inline.yaml (document 1): spec.template.spec.containers[herald].env: HERALD_LOGS_JSON is not"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("inline.yaml (document 2): data: HERALD_OIDC_ENABLE is not"),
                problems.get(1));
    }

    @Test
    void podsUseARealPostgresqlNotTheEmbeddedOne() {
        assertNoProblems(checks.embeddedDatabaseProblems());
    }

    @Test
    void credentialsAreNeverInAConfigMapOrAPlainValue() {
        assertNoProblems(checks.credentialsOutsideSecrets());
    }

    @Test
    void heraldRunsNonRootOnAReadOnlyFilesystem() {
        assertNoProblems(checks.securityProblems());
    }

    @Test
    void noSecretIsCommitted() {
        assertNoProblems(checks.committedSecrets());
    }

    @Test
    void committedSecretIsReported() {
        KubernetesManifests inline = KubernetesManifests.of(Path.of("k8s/overlays/production/oops.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: herald-config-creds
                stringData:
                  HERALD_SESSION_KEY: pasted-by-mistake
                """);

        List<String> problems = new ManifestChecks(inline, settings).committedSecrets();

        assertEquals(1, problems.size(), () -> String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("k8s/overlays/production/oops.yaml: kind Secret"), problems.get(0));
    }

    @Test
    void secretExampleShowsEveryKeyAndIsNeverApplied() {
        List<String> problems = new ArrayList<>(checks.referencesToTheSecretExample());
        problems.addAll(checks.secretExampleProblems(CREDENTIALS_SECRET));
        assertNoProblems(problems);
    }

    @Test
    void productionTakesTheDatasourceFromTheSecretAndSwitchesOnOidcAndJsonLogs() {
        List<Entry> datasourceOutsideTheSecret = checks.heraldSettings().stream()
                .filter(e -> e.key().startsWith("QUARKUS_DATASOURCE_"))
                .filter(e -> e.where().startsWith("k8s/base/") || e.where().startsWith("k8s/overlays/production/"))
                .filter(e -> !e.where().contains(ManifestChecks.SECRET_EXAMPLE))
                .toList();
        assertEquals(List.of(), datasourceOutsideTheSecret,
                "in production the datasource comes from the Secret " + CREDENTIALS_SECRET + " only");
        Manifest deployment = only("Deployment", "herald", K8S.resolve("base/deployment.yaml"));
        assertTrue(ManifestChecks.heraldContainer(deployment).orElseThrow().path("envFrom").findValuesAsText("name")
                .contains(CREDENTIALS_SECRET), deployment.where() + ": envFrom does not name " + CREDENTIALS_SECRET);

        Manifest config = only("ConfigMap", "herald-config", PRODUCTION.resolve("configmap-patch.yaml"));
        assertEquals("true", config.node().path("data").path("HERALD_OIDC_ENABLED").asText(), config.where() + ": data.HERALD_OIDC_ENABLED");
        assertEquals("true", config.node().path("data").path("HERALD_LOG_JSON").asText(), config.where() + ": data.HERALD_LOG_JSON");
        assertTrue(config.node().path("data").path("HERALD_OIDC_AUTH_SERVER_URL").asText().startsWith("https://"),
                config.where() + ": data.HERALD_OIDC_AUTH_SERVER_URL must be an https URL");

        Manifest replicas = only("Deployment", "herald", PRODUCTION.resolve("deployment-patch.yaml"));
        assertEquals(3, replicas.node().path("spec").path("replicas").asInt(), replicas.where() + ": spec.replicas");
        Manifest hpa = only("HorizontalPodAutoscaler", "herald", PRODUCTION.resolve("hpa-patch.yaml"));
        assertEquals(3, hpa.node().path("spec").path("minReplicas").asInt(), hpa.where() + ": spec.minReplicas");
    }

    @Test
    void devRunsOnePodAgainstTheInClusterPostgresql() {
        Manifest config = only("ConfigMap", "herald-config", DEV.resolve("configmap-patch.yaml"));
        String url = config.node().path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        Matcher jdbc = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*").matcher(url);
        assertTrue(jdbc.matches(), config.where() + ": data.QUARKUS_DATASOURCE_JDBC_URL is not a PostgreSQL URL: " + url);
        String host = jdbc.group(1);
        int port = jdbc.group(2) == null ? 5432 : Integer.parseInt(jdbc.group(2));

        Manifest service = only("Service", host, DEV.resolve("postgres.yaml"));
        assertTrue(service.node().path("spec").path("ports").findValuesAsText("port").contains(String.valueOf(port)),
                service.where() + ": spec.ports has no port " + port + " for " + url);
        Manifest postgres = only("StatefulSet", "herald-postgres", DEV.resolve("postgres.yaml"));
        assertEquals(1, postgres.node().path("spec").path("replicas").asInt(), postgres.where() + ": spec.replicas");
        assertFalse(postgres.node().path("spec").path("volumeClaimTemplates").isEmpty(),
                postgres.where() + ": spec.volumeClaimTemplates is empty");
        JsonNode server = postgres.containers().get(0);
        assertTrue(server.path("image").asText().startsWith("postgres:17"), postgres.where() + ": image is " + server.path("image"));

        Manifest herald = only("Deployment", "herald", DEV.resolve("deployment-patch.yaml"));
        JsonNode heraldContainer = ManifestChecks.heraldContainer(herald).orElseThrow();
        assertEquals(secretKeyRef(server, "POSTGRES_USER"), secretKeyRef(heraldContainer, "QUARKUS_DATASOURCE_USERNAME"),
                herald.where() + ": QUARKUS_DATASOURCE_USERNAME must come from the key PostgreSQL takes POSTGRES_USER from");
        assertEquals(secretKeyRef(server, "POSTGRES_PASSWORD"), secretKeyRef(heraldContainer, "QUARKUS_DATASOURCE_PASSWORD"),
                herald.where() + ": QUARKUS_DATASOURCE_PASSWORD must come from the key PostgreSQL takes POSTGRES_PASSWORD from");
        assertEquals(Optional.of(jdbc.group(3)), generatedValue(secretKeyRef(server, "POSTGRES_DB")),
                postgres.where() + ": POSTGRES_DB must be the database of " + url);
        assertTrue(generatedValue(secretKeyRef(server, "POSTGRES_PASSWORD")).isPresent(),
                postgres.where() + ": POSTGRES_PASSWORD names a key no secretGenerator of the dev overlay provides");

        assertEquals(1, herald.node().path("spec").path("replicas").asInt(), herald.where() + ": spec.replicas");
        Manifest hpa = only("HorizontalPodAutoscaler", "herald", DEV.resolve("hpa-patch.yaml"));
        assertEquals(1, hpa.node().path("spec").path("minReplicas").asInt(), hpa.where() + ": spec.minReplicas");
    }

    private static Manifest only(String kind, String name, Path file) {
        List<Manifest> found = manifests.objects(kind, name).stream().filter(m -> m.file().equals(file)).toList();
        assertEquals(1, found.size(), file + ": expected one " + kind + " named " + name);
        return found.get(0);
    }

    /** "secret/key" an env entry reads, or "" when it is not a secretKeyRef. */
    private static String secretKeyRef(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(variable)) {
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                return ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        return "";
    }

    /** The literal value a dev secretGenerator gives to "secret/key". */
    private static Optional<String> generatedValue(String secretKey) {
        int slash = secretKey.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        for (Generator g : manifests.generators()) {
            if (g.isSecret() && g.name().equals(secretKey.substring(0, slash))) {
                for (Entry e : g.entries()) {
                    if (e.key().equals(secretKey.substring(slash + 1))) {
                        return Optional.ofNullable(e.value());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n" + String.join("\n", problems));
    }
}
