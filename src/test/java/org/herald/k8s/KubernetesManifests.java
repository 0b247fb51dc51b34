package org.herald.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every YAML document under a directory of kustomize manifests, with what the kustomizations
 * refer to. Files are read one by one, as written: overlays are not rendered.
 */
final class KubernetesManifests {

    static final Set<String> KUSTOMIZATION_FILE_NAMES =
            Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private static final ObjectReader YAML = new YAMLMapper().readerFor(JsonNode.class);

    private final List<Manifest> documents;
    private final List<Reference> references;
    private final List<Generator> generators;
    /** Files named as strategic-merge or JSON patches by some kustomization. */
    private final Set<Path> patchFiles;

    private KubernetesManifests(List<Manifest> documents) {
        this.documents = List.copyOf(documents);
        List<Reference> refs = new ArrayList<>();
        List<Generator> gens = new ArrayList<>();
        for (Manifest k : kustomizations()) {
            collectReferences(k, refs);
            collectGenerators(k, gens);
        }
        this.references = List.copyOf(refs);
        this.generators = List.copyOf(gens);
        this.patchFiles = references.stream().filter(Reference::isPatch).map(Reference::target)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Reads every {@code .yaml}/{@code .yml} file below {@code root}, each document on its own. */
    static KubernetesManifests load(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Manifest> documents = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).filter(KubernetesManifests::isYaml).sorted().toList()) {
                documents.addAll(parse(file, Files.readString(file)));
            }
            return new KubernetesManifests(documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Manifests given as text, for checking the checks; {@code file} only labels the messages. */
    static KubernetesManifests of(Path file, String yaml) {
        return new KubernetesManifests(parse(file, yaml));
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.equals("Kustomization");
    }

    private static List<Manifest> parse(Path file, String yaml) {
        List<JsonNode> nodes = new ArrayList<>();
        try (var values = YAML.<JsonNode>readValues(yaml)) {
            while (values.hasNextValue()) {
                JsonNode node = values.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    nodes.add(node);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        List<Manifest> manifests = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            manifests.add(new Manifest(file, i + 1, nodes.size(), nodes.get(i)));
        }
        return manifests;
    }

    List<Manifest> documents() {
        return documents;
    }

    Set<Path> files() {
        return documents.stream().map(Manifest::file).collect(Collectors.toCollection(TreeSet::new));
    }

    List<Manifest> kustomizations() {
        return documents.stream().filter(Manifest::isKustomization).toList();
    }

    List<Reference> references() {
        return references;
    }

    List<Generator> generators() {
        return generators;
    }

    /** A patch holds only the fields it changes; a resource is a whole object. */
    boolean isPatch(Manifest m) {
        return patchFiles.contains(m.file());
    }

    /** Kubernetes objects (resources and patches), without the kustomizations. */
    List<Manifest> objects() {
        return documents.stream().filter(m -> !m.isKustomization()).toList();
    }

    List<Manifest> objects(String kind, String name) {
        return objects().stream().filter(m -> kind.equals(m.kind()) && name.equals(m.name())).toList();
    }

    private static void collectReferences(Manifest k, List<Reference> out) {
        JsonNode n = k.node();
        for (String field : List.of("resources", "components", "patchesStrategicMerge")) {
            int i = 0;
            for (JsonNode entry : n.path(field)) {
                String value = entry.asText();
                // Remote bases and inline patches name no file in this repository.
                if (!value.contains("://") && !value.contains("\n")) {
                    out.add(new Reference(k, field + "[" + i + "]", value, resolve(k, value),
                            !field.equals("patchesStrategicMerge")));
                }
                i++;
            }
        }
        for (String field : List.of("patches", "patchesJson6902")) {
            int i = 0;
            for (JsonNode entry : n.path(field)) {
                if (entry.hasNonNull("path")) {
                    String value = entry.get("path").asText();
                    out.add(new Reference(k, field + "[" + i + "].path", value, resolve(k, value), false));
                }
                i++;
            }
        }
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            int i = 0;
            for (JsonNode generator : n.path(field)) {
                String label = field + "[" + generator.path("name").asText(String.valueOf(i)) + "]";
                int j = 0;
                for (JsonNode file : generator.path("files")) {
                    String value = file.asText();
                    String path = value.contains("=") ? value.substring(value.indexOf('=') + 1) : value;
                    out.add(new Reference(k, label + ".files[" + j++ + "]", path, resolve(k, path), false));
                }
                j = 0;
                for (JsonNode env : generator.path("envs")) {
                    out.add(new Reference(k, label + ".envs[" + j++ + "]", env.asText(), resolve(k, env.asText()), false));
                }
                if (generator.hasNonNull("env")) {
                    String env = generator.get("env").asText();
                    out.add(new Reference(k, label + ".env", env, resolve(k, env), false));
                }
                i++;
            }
        }
    }

    private static void collectGenerators(Manifest k, List<Generator> out) {
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            for (JsonNode generator : k.node().path(field)) {
                String name = generator.path("name").asText();
                List<Entry> entries = new ArrayList<>();
                String label = k.where() + ": " + field + "[" + name + "]";
                for (JsonNode literal : generator.path("literals")) {
                    String text = literal.asText();
                    int eq = text.indexOf('=');
                    entries.add(eq < 0 ? new Entry(label + ".literals", text, null)
                            : new Entry(label + ".literals", text.substring(0, eq), text.substring(eq + 1)));
                }
                List<String> envFiles = new ArrayList<>();
                generator.path("envs").forEach(e -> envFiles.add(e.asText()));
                if (generator.hasNonNull("env")) {
                    envFiles.add(generator.get("env").asText());
                }
                for (String envFile : envFiles) {
                    entries.addAll(readEnvFile(resolve(k, envFile), label + ".envs[" + envFile + "]"));
                }
                for (JsonNode file : generator.path("files")) {
                    String text = file.asText();
                    String key = text.contains("=") ? text.substring(0, text.indexOf('='))
                            : Path.of(text).getFileName().toString();
                    entries.add(new Entry(label + ".files", key, null));
                }
                out.add(new Generator(k, field, name, entries));
            }
        }
    }

    private static List<Entry> readEnvFile(Path file, String label) {
        if (!Files.isRegularFile(file)) {
            return List.of(); // reported by the reference check
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                entries.add(eq < 0 ? new Entry(label, trimmed, null)
                        : new Entry(label, trimmed.substring(0, eq), trimmed.substring(eq + 1)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resolve(Manifest kustomization, String value) {
        Path dir = kustomization.file().getParent();
        return (dir == null ? Path.of(value) : dir.resolve(value)).normalize();
    }

    /** One YAML document of one file. */
    record Manifest(Path file, int document, int documentsInFile, JsonNode node) {

        String kind() {
            return node.path("kind").asText(null);
        }

        String name() {
            return node.path("metadata").path("name").asText(null);
        }

        boolean isKustomization() {
            return KUSTOMIZATION_FILE_NAMES.contains(file.getFileName().toString());
        }

        /** File, and the document number when the file holds several. */
        String where() {
            String f = file.toString().replace('\\', '/');
            return documentsInFile > 1 ? f + " (document " + document + ")" : f;
        }

        /** Containers of a workload's pod template (Deployment, StatefulSet, ...), or none. */
        List<JsonNode> containers() {
            List<JsonNode> all = new ArrayList<>();
            JsonNode pod = podSpec();
            pod.path("initContainers").forEach(all::add);
            pod.path("containers").forEach(all::add);
            return all;
        }

        JsonNode podSpec() {
            return node.path("spec").path("template").path("spec");
        }
    }

    /**
     * A path a kustomization names.
     *
     * @param mayBeKustomizationDirectory resources and components may name a directory holding a
     *     kustomization; patches and generator inputs must be files
     */
    record Reference(Manifest kustomization, String field, String value, Path target,
            boolean mayBeKustomizationDirectory) {

        boolean isPatch() {
            return field.startsWith("patches");
        }

        String where() {
            return kustomization.where() + ": " + field + " '" + value + "'";
        }
    }

    /** A configMapGenerator or secretGenerator with the keys it produces. */
    record Generator(Manifest kustomization, String field, String name, List<Entry> entries) {

        boolean isSecret() {
            return field.equals("secretGenerator");
        }
    }

    /** One key of a ConfigMap, Secret, generator or container environment; value null when not literal. */
    record Entry(String where, String key, String value) {
    }
}
