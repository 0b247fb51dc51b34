package org.herald.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.herald.k8s.KubernetesManifests.Entry;
import org.herald.k8s.KubernetesManifests.Generator;
import org.herald.k8s.KubernetesManifests.Manifest;
import org.herald.k8s.KubernetesManifests.Reference;

/**
 * Checks of Herald's manifests against each other and against application.properties. Each check
 * returns its problems, one line each naming the file and the field, so a test can show them all.
 */
final class ManifestChecks {

    static final String HERALD = "herald";
    static final String SECRET_EXAMPLE = "secret.example.yaml";
    static final String CONTAINER = "spec.template.spec.containers[" + HERALD + "]";
    /** The user of the container image (src/main/docker/Dockerfile.jvm). */
    static final int IMAGE_USER = 185;

    private final KubernetesManifests manifests;
    private final ApplicationSettings settings;

    ManifestChecks(KubernetesManifests manifests, ApplicationSettings settings) {
        this.manifests = manifests;
        this.settings = settings;
    }

    // ---------------------------------------------------------------------------------------
    // Structure
    // ---------------------------------------------------------------------------------------

    /** Every object names its apiVersion, kind and metadata.name. */
    List<String> incompleteObjects() {
        List<String> problems = new ArrayList<>();
        for (Manifest m : manifests.objects()) {
            for (String field : List.of("apiVersion", "kind")) {
                if (m.node().path(field).asText("").isBlank()) {
                    problems.add(m.where() + ": " + field + " is missing");
                }
            }
            if (m.name() == null || m.name().isBlank()) {
                problems.add(m.where() + ": metadata.name is missing");
            }
        }
        return problems;
    }

    /** Every path a kustomization names exists; directories hold a kustomization of their own. */
    List<String> unresolvedReferences() {
        List<String> problems = new ArrayList<>();
        for (Reference r : manifests.references()) {
            Path target = r.target();
            if (!Files.exists(target)) {
                problems.add(r.where() + ": " + target + " does not exist");
            } else if (Files.isDirectory(target)) {
                if (!r.mayBeKustomizationDirectory()) {
                    problems.add(r.where() + ": " + target + " is a directory, a file is expected");
                } else if (KubernetesManifests.KUSTOMIZATION_FILE_NAMES.stream()
                        .noneMatch(n -> Files.isRegularFile(target.resolve(n)))) {
                    problems.add(r.where() + ": directory " + target + " holds no kustomization.yaml");
                }
            }
        }
        return problems;
    }

    /** A manifest no kustomization names is never applied: forgotten, or misspelt somewhere. */
    List<String> unusedFiles() {
        Set<Path> used = new TreeSet<>();
        manifests.references().forEach(r -> used.add(r.target()));
        List<String> problems = new ArrayList<>();
        for (Path file : manifests.files()) {
            String name = file.getFileName().toString();
            if (!KubernetesManifests.KUSTOMIZATION_FILE_NAMES.contains(name) && !name.equals(SECRET_EXAMPLE)
                    && !used.contains(file.normalize())) {
                problems.add(file + ": no kustomization refers to this file");
            }
        }
        return problems;
    }

    /** The example Secret exists only to be read: applying it would install placeholder credentials. */
    List<String> referencesToTheSecretExample() {
        return manifests.references().stream()
                .filter(r -> r.target().getFileName().toString().equals(SECRET_EXAMPLE))
                .map(r -> r.where() + ": " + SECRET_EXAMPLE + " must not be applied; create the Secret in the cluster")
                .toList();
    }

    // ---------------------------------------------------------------------------------------
    // Ports and probes
    // ---------------------------------------------------------------------------------------

    /**
     * The container listens where Quarkus does ({@code quarkus.http.port}), and nothing in the
     * manifests moves Quarkus elsewhere through {@code QUARKUS_HTTP_PORT}.
     */
    List<String> portProblems() {
        int port = settings.httpPort();
        List<String> problems = new ArrayList<>();
        if (heraldDeployments(false).isEmpty()) {
            problems.add("no Deployment '" + HERALD + "' among the resources of any kustomization");
        }
        for (Manifest m : heraldDeployments(true)) {
            Optional<JsonNode> container = heraldContainer(m);
            if (container.isEmpty()) {
                if (!manifests.isPatch(m)) {
                    problems.add(m.where() + ": spec.template.spec.containers has no container named " + HERALD);
                }
                continue;
            }
            JsonNode ports = container.get().path("ports");
            if (!manifests.isPatch(m) && ports.isEmpty()) {
                problems.add(m.where() + ": " + CONTAINER + ".ports is empty; expected containerPort " + port);
            }
            for (JsonNode p : ports) {
                if (p.path("containerPort").asInt(-1) != port) {
                    problems.add(m.where() + ": " + CONTAINER + ".ports[" + p.path("name").asText("?")
                            + "].containerPort is " + p.path("containerPort").asText("missing")
                            + ", but quarkus.http.port in application.properties is " + port);
                }
            }
        }
        for (Entry e : heraldSettings()) {
            if (e.key().equals("QUARKUS_HTTP_PORT") && !String.valueOf(port).equals(e.value())) {
                problems.add(e.where() + ": QUARKUS_HTTP_PORT is " + e.value()
                        + ", but the container port and quarkus.http.port are " + port);
            }
        }
        List<Manifest> services = manifests.objects("Service", HERALD).stream()
                .filter(m -> !manifests.isPatch(m)).toList();
        if (services.isEmpty()) {
            problems.add("no Service '" + HERALD + "' among the resources of any kustomization");
        }
        for (Manifest s : services) {
            if (s.node().path("spec").path("ports").isEmpty()) {
                problems.add(s.where() + ": spec.ports is empty");
            }
            for (JsonNode p : s.node().path("spec").path("ports")) {
                String field = "spec.ports[" + p.path("name").asText(p.path("port").asText()) + "].targetPort";
                portReferenceProblem(s.where() + ": " + field, p.path("targetPort")).ifPresent(problems::add);
            }
            for (Manifest d : heraldDeployments(false)) {
                JsonNode labels = d.node().path("spec").path("template").path("metadata").path("labels");
                s.node().path("spec").path("selector").fields().forEachRemaining(sel -> {
                    if (!sel.getValue().asText().equals(labels.path(sel.getKey()).asText(null))) {
                        problems.add(s.where() + ": spec.selector " + sel.getKey() + "=" + sel.getValue().asText()
                                + " does not match the pod labels of " + d.where());
                    }
                });
            }
        }
        return problems;
    }

    /** Probes ask Quarkus' health endpoints, on the container's port. */
    List<String> probeProblems() {
        Map<String, String> probes = Map.of(
                "startupProbe", settings.healthPath("started"),
                "readinessProbe", settings.healthPath("ready"),
                "livenessProbe", settings.healthPath("live"));
        List<String> problems = new ArrayList<>();
        for (Manifest m : heraldDeployments(true)) {
            boolean required = !manifests.isPatch(m);
            Optional<JsonNode> container = heraldContainer(m);
            if (container.isEmpty()) {
                continue; // reported by portProblems
            }
            for (var probe : new TreeSet<>(probes.keySet())) {
                String field = m.where() + ": " + CONTAINER + "." + probe;
                JsonNode node = container.get().path(probe);
                if (node.isMissingNode()) {
                    if (required) {
                        problems.add(field + " is missing; expected GET " + probes.get(probe));
                    }
                    continue;
                }
                JsonNode get = node.path("httpGet");
                if (get.isMissingNode()) {
                    problems.add(field + ".httpGet is missing; expected GET " + probes.get(probe));
                    continue;
                }
                if (!probes.get(probe).equals(get.path("path").asText(null))) {
                    problems.add(field + ".httpGet.path is " + get.path("path").asText("missing")
                            + ", expected " + probes.get(probe));
                }
                portReferenceProblem(field + ".httpGet.port", get.path("port")).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** A port given by name must be a named port of the Herald container; by number, Quarkus' port. */
    private Optional<String> portReferenceProblem(String field, JsonNode ref) {
        int port = settings.httpPort();
        if (ref.isMissingNode() || ref.isNull()) {
            return Optional.of(field + " is missing; expected " + port + " or the name of that container port");
        }
        if (ref.isNumber() || ref.asText().matches("\\d+")) {
            return ref.asInt() == port ? Optional.empty()
                    : Optional.of(field + " is " + ref.asText() + ", but the container port is " + port);
        }
        Set<String> names = new TreeSet<>();
        for (Manifest d : heraldDeployments(true)) {
            heraldContainer(d).ifPresent(c -> c.path("ports").forEach(p -> {
                if (p.path("containerPort").asInt() == port && p.hasNonNull("name")) {
                    names.add(p.get("name").asText());
                }
            }));
        }
        return names.contains(ref.asText()) ? Optional.empty()
                : Optional.of(field + " is '" + ref.asText() + "', which names no port " + port
                        + " of the " + HERALD + " container (named: " + names + ")");
    }

    // ---------------------------------------------------------------------------------------
    // Settings
    // ---------------------------------------------------------------------------------------

    /**
     * Every environment variable the Herald container receives — its own env entries, and the
     * keys of the ConfigMaps and Secrets its envFrom names (as manifests or as generators).
     * Other containers (the dev PostgreSQL) have their own variables and are not Herald's.
     */
    List<Entry> heraldSettings() {
        Set<String> configMaps = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (Manifest m : heraldDeployments(true)) {
            heraldContainer(m).ifPresent(c -> {
                for (JsonNode env : c.path("env")) {
                    entries.add(new Entry(m.where() + ": " + CONTAINER + ".env",
                            env.path("name").asText(), env.path("value").asText(null)));
                }
                for (JsonNode from : c.path("envFrom")) {
                    if (from.has("configMapRef")) {
                        configMaps.add(from.path("configMapRef").path("name").asText());
                    }
                    if (from.has("secretRef")) {
                        secrets.add(from.path("secretRef").path("name").asText());
                    }
                }
            });
        }
        for (Manifest m : manifests.objects()) {
            if ("ConfigMap".equals(m.kind()) && configMaps.contains(m.name())) {
                entries.addAll(keys(m, "data"));
            }
            if ("Secret".equals(m.kind()) && secrets.contains(m.name())) {
                entries.addAll(keys(m, "data"));
                entries.addAll(keys(m, "stringData"));
            }
        }
        for (Generator g : manifests.generators()) {
            if ((g.isSecret() ? secrets : configMaps).contains(g.name())) {
                entries.addAll(g.entries());
            }
        }
        return entries;
    }

    /** Each variable handed to Herald is one it reads: a typo would be ignored silently otherwise. */
    List<String> unknownVariables() {
        return heraldSettings().stream()
                .filter(e -> !settings.understands(e.key()))
                .map(e -> e.where() + ": " + e.key() + " is not a setting Herald reads (application.properties"
                        + " neither references ${" + e.key() + "} nor has a key whose environment form it is)")
                .toList();
    }

    /** Herald's default starts an embedded PostgreSQL inside the pod; Kubernetes must switch it off. */
    List<String> embeddedDatabaseProblems() {
        String variable = ApplicationSettings.environmentForm("herald.embedded-db.enabled");
        List<Entry> set = heraldSettings().stream().filter(e -> e.key().equals(variable)).toList();
        List<String> problems = new ArrayList<>();
        if (set.isEmpty()) {
            problems.add("no manifest sets " + variable + "=false for the " + HERALD
                    + " container, so each pod would start its own embedded PostgreSQL");
        }
        set.stream().filter(e -> !"false".equals(e.value()))
                .forEach(e -> problems.add(e.where() + ": " + variable + " is " + e.value() + ", must be \"false\""));
        return problems;
    }

    /** Passwords, keys and tokens live in Secrets, never in a ConfigMap or a literal env value. */
    List<String> credentialsOutsideSecrets() {
        List<String> problems = new ArrayList<>();
        for (Manifest m : manifests.objects()) {
            if ("ConfigMap".equals(m.kind())) {
                keys(m, "data").stream().filter(e -> isCredential(e.key())).forEach(e ->
                        problems.add(e.where() + ": " + e.key() + " is a credential; it belongs in a Secret"));
            }
            for (JsonNode c : m.containers()) {
                for (JsonNode env : c.path("env")) {
                    if (isCredential(env.path("name").asText()) && env.has("value")) {
                        problems.add(m.where() + ": spec.template.spec.containers[" + c.path("name").asText()
                                + "].env[" + env.path("name").asText()
                                + "].value is a credential in clear text; use valueFrom.secretKeyRef");
                    }
                }
            }
        }
        for (Generator g : manifests.generators()) {
            if (!g.isSecret()) {
                g.entries().stream().filter(e -> isCredential(e.key())).forEach(e ->
                        problems.add(e.where() + ": " + e.key() + " is a credential; it belongs in a Secret"));
            }
        }
        return problems;
    }

    static boolean isCredential(String variable) {
        String v = variable.toUpperCase(Locale.ROOT);
        return v.contains("PASSWORD") || v.contains("SECRET") || v.contains("TOKEN") || v.endsWith("_KEY");
    }

    // ---------------------------------------------------------------------------------------
    // Security
    // ---------------------------------------------------------------------------------------

    /**
     * The Herald container runs as the image's non-root user, cannot gain privileges and writes
     * only to an emptyDir at /tmp. Patches may not weaken any of it.
     */
    List<String> securityProblems() {
        List<String> problems = new ArrayList<>();
        for (Manifest m : heraldDeployments(true)) {
            Optional<JsonNode> found = heraldContainer(m);
            if (found.isEmpty()) {
                continue;
            }
            boolean required = !manifests.isPatch(m);
            JsonNode container = found.get().path("securityContext");
            JsonNode pod = m.podSpec().path("securityContext");
            String c = m.where() + ": " + CONTAINER + ".securityContext.";
            String p = m.where() + ": spec.template.spec.securityContext.";
            expect(problems, required, c + "readOnlyRootFilesystem", container.path("readOnlyRootFilesystem"), "true");
            expect(problems, required, c + "allowPrivilegeEscalation", container.path("allowPrivilegeEscalation"), "false");
            expectEither(problems, required, c, p, "runAsNonRoot", container, pod, "true");
            expectEither(problems, required, c, p, "runAsUser", container, pod, String.valueOf(IMAGE_USER));
            JsonNode containerSeccomp = container.path("seccompProfile").path("type");
            JsonNode podSeccomp = pod.path("seccompProfile").path("type");
            for (var seccomp : List.of(Map.entry(c, containerSeccomp), Map.entry(p, podSeccomp))) {
                expect(problems, false, seccomp.getKey() + "seccompProfile.type", seccomp.getValue(), "RuntimeDefault");
            }
            if (required && containerSeccomp.isMissingNode() && podSeccomp.isMissingNode()) {
                problems.add(c + "seccompProfile.type is missing (here or for the pod); expected RuntimeDefault");
            }
            JsonNode drop = container.path("capabilities").path("drop");
            boolean dropsAll = false;
            for (JsonNode d : drop) {
                dropsAll |= d.asText().equals("ALL");
            }
            if ((required || !drop.isMissingNode()) && !dropsAll) {
                problems.add(c + "capabilities.drop must contain ALL (is: " + (drop.isMissingNode() ? "missing" : drop) + ")");
            }
            JsonNode add = container.path("capabilities").path("add");
            if (!add.isMissingNode() && !add.isEmpty()) {
                problems.add(c + "capabilities.add must be empty (is: " + add + ")");
            }
            if (required) {
                tmpProblem(m, found.get()).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<String> tmpProblem(Manifest m, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                for (JsonNode volume : m.podSpec().path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return volume.has("emptyDir") ? Optional.empty()
                                : Optional.of(m.where() + ": spec.template.spec.volumes[" + volume.path("name").asText()
                                        + "] mounted at /tmp must be an emptyDir");
                    }
                }
                return Optional.of(m.where() + ": " + CONTAINER + ".volumeMounts[/tmp] names volume '"
                        + mount.path("name").asText() + "', which spec.template.spec.volumes does not declare");
            }
        }
        return Optional.of(m.where() + ": " + CONTAINER + ".volumeMounts has nothing at /tmp; with a read-only"
                + " root filesystem the JVM needs an emptyDir there");
    }

    private static void expect(List<String> problems, boolean required, String field, JsonNode actual, String expected) {
        if (actual.isMissingNode() ? required : !expected.equals(actual.asText())) {
            problems.add(field + " must be " + expected + " (is: " + (actual.isMissingNode() ? "missing" : actual.asText()) + ")");
        }
    }

    /** A pod-level value applies unless the container overrides it; both must hold if present. */
    private static void expectEither(List<String> problems, boolean required, String containerField, String podField,
            String name, JsonNode container, JsonNode pod, String expected) {
        expect(problems, false, containerField + name, container.path(name), expected);
        expect(problems, false, podField + name, pod.path(name), expected);
        if (required && container.path(name).isMissingNode() && pod.path(name).isMissingNode()) {
            problems.add(containerField + name + " is missing (here or for the pod); expected " + expected);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Secrets
    // ---------------------------------------------------------------------------------------

    /**
     * No Secret with content is committed, except the example. Only the dev overlay generates
     * Secrets, and its credentials say they are dev-only.
     */
    List<String> committedSecrets() {
        List<String> problems = new ArrayList<>();
        for (Manifest m : manifests.objects()) {
            boolean example = m.file().getFileName().toString().equals(SECRET_EXAMPLE);
            if ("Secret".equals(m.kind()) && !example
                    && (!m.node().path("data").isEmpty() || !m.node().path("stringData").isEmpty())) {
                problems.add(m.where() + ": kind Secret with data/stringData is committed; create it in the cluster"
                        + " (k8s/README.md) instead");
            }
        }
        for (Generator g : manifests.generators()) {
            if (!g.isSecret()) {
                continue;
            }
            if (!isDevOverlay(g.kustomization().file())) {
                problems.add(g.kustomization().where() + ": secretGenerator[" + g.name()
                        + "] outside the dev overlay; create the Secret in the cluster instead");
            }
            g.entries().stream()
                    .filter(e -> isCredential(e.key()))
                    .filter(e -> e.value() == null || !e.value().contains("dev-only"))
                    .forEach(e -> problems.add(e.where() + ": the value of " + e.key()
                            + " must read as dev-only (contain \"dev-only\")"));
        }
        return problems;
    }

    static boolean isDevOverlay(Path file) {
        return file.toString().replace('\\', '/').contains("overlays/dev/");
    }

    /**
     * The example shows every key of the Secret with a placeholder: the datasource, each
     * credential application.properties references, and every key the overlays provide.
     */
    List<String> secretExampleProblems(String secretName) {
        List<Manifest> examples = manifests.objects().stream()
                .filter(m -> m.file().getFileName().toString().equals(SECRET_EXAMPLE))
                .toList();
        if (examples.size() != 1 || !"Secret".equals(examples.get(0).kind())
                || !secretName.equals(examples.get(0).name())) {
            return List.of(SECRET_EXAMPLE + ": expected one file with one Secret named " + secretName
                    + " (found " + examples.size() + " document(s))");
        }
        Manifest example = examples.get(0);
        List<Entry> shown = new ArrayList<>(keys(example, "stringData"));
        shown.addAll(keys(example, "data"));
        Set<String> shownKeys = new TreeSet<>();
        shown.forEach(e -> shownKeys.add(e.key()));

        Set<String> expected = new TreeSet<>(List.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"));
        settings.referencedVariables().stream().filter(ManifestChecks::isCredential).forEach(expected::add);
        manifests.generators().stream().filter(g -> g.isSecret() && g.name().equals(secretName))
                .forEach(g -> g.entries().forEach(e -> expected.add(e.key())));

        List<String> problems = new ArrayList<>();
        for (String key : expected) {
            if (!shownKeys.contains(key)) {
                problems.add(example.where() + ": stringData lacks " + key + ", a key of " + secretName);
            }
        }
        for (Entry e : shown) {
            String v = e.value() == null ? "" : e.value().toLowerCase(Locale.ROOT);
            if (!v.contains("change-me") && !v.contains("example.org")) {
                problems.add(e.where() + ": " + e.key() + " must be an obvious placeholder"
                        + " (contain \"change-me\" or example.org)");
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------

    /** Deployment documents named herald: resources only, or patches too. */
    List<Manifest> heraldDeployments(boolean withPatches) {
        return manifests.objects("Deployment", HERALD).stream()
                .filter(m -> withPatches || !manifests.isPatch(m))
                .filter(m -> !"delete".equals(m.node().path("$patch").asText()))
                .toList();
    }

    static Optional<JsonNode> heraldContainer(Manifest deployment) {
        for (JsonNode c : deployment.podSpec().path("containers")) {
            if (HERALD.equals(c.path("name").asText())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static List<Entry> keys(Manifest m, String field) {
        List<Entry> entries = new ArrayList<>();
        m.node().path(field).fields().forEachRemaining(f ->
                entries.add(new Entry(m.where() + ": " + field, f.getKey(), f.getValue().asText())));
        return entries;
    }
}
