package org.herald.notice;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.herald.channel.Channel;
import org.jboss.logging.Logger;

/**
 * The notice wording: Qute templates read at run time from {@code <templates-dir>/notices/<kind>/<channel>/<locale>/},
 * so legal can change wording without a rebuild. Every file is parsed and rendered against a sample
 * notice at start-up and on every reload; a reload with errors keeps the previous wording.
 */
@Startup
@ApplicationScoped
public class NoticeTemplates {

    private static final Logger LOG = Logger.getLogger(NoticeTemplates.class);
    static final String DEFAULT_KIND = "individual";

    /** The files a channel needs (first entries) and may have (optional ones end with '?'). */
    static final Map<Channel, List<String>> FILES = new EnumMap<>(Map.of(
            Channel.EMAIL, List.of("subject.txt", "body.txt", "body.html?"),
            Channel.SMS, List.of("text.txt"),
            Channel.PUSH, List.of("title.txt", "body.txt"),
            Channel.VOICE, List.of("script.txt"),
            Channel.LETTER, List.of("letter.html", "title.txt?")));

    private static final Pattern REFERENCE = Pattern.compile("\\b(incident|content|subject|notice)\\.([A-Za-z]+)");

    private final Path root;
    private final Engine engine = Engine.builder().addDefaults().strictRendering(true)
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
    private volatile Loaded loaded;

    @Inject
    NoticeTemplates(NoticeConfig config) {
        this(Path.of(config.templatesDir()));
    }

    NoticeTemplates(Path root) {
        this.root = root;
        Loaded first = read(root);
        if (!first.errors.isEmpty()) {
            throw new IllegalStateException("Notice templates in " + root + " have errors: " + first.errors);
        }
        if (first.sets.isEmpty()) {
            LOG.warnf("No notice templates found under %s/notices: campaigns cannot be planned", root);
        }
        this.loaded = first;
    }

    /** One channel's wording in one kind and locale. */
    public record TemplateSet(String kind, Channel channel, String locale, Map<String, Template> files,
            Map<String, String> sources) {

        /** The model names the set refers to, e.g. {@code content.remedies}. */
        public Set<String> references() {
            Set<String> refs = new TreeSet<>();
            for (String source : sources.values()) {
                Matcher m = REFERENCE.matcher(source);
                while (m.find()) {
                    refs.add(m.group(1) + "." + m.group(2));
                }
            }
            return refs;
        }

        public String path(String file) {
            return "notices/" + kind + "/" + channel.key() + "/" + locale + "/" + file;
        }
    }

    /** What a template set produced for one notice. */
    public record Rendered(String title, String text, String html, String sha256) {
    }

    private record Key(String kind, Channel channel, String locale) {
    }

    private record Loaded(Map<Key, TemplateSet> sets, List<String> errors, String hash) {
    }

    /** Reads the folder again; on errors the wording in use stays and the errors are returned. */
    public synchronized List<String> reload() {
        Loaded next = read(root);
        if (next.errors.isEmpty()) {
            loaded = next;
            LOG.infof("Notice templates reloaded: %d sets, hash %s", next.sets.size(), next.hash);
        }
        return next.errors;
    }

    /** SHA-256 over every template file's path and bytes: approvals bind to it. */
    public String hash() {
        return loaded.hash;
    }

    public boolean hasKind(String kind) {
        return loaded.sets.keySet().stream().anyMatch(k -> k.kind.equals(kind));
    }

    public Optional<TemplateSet> find(String kind, Channel channel, String locale) {
        return Optional.ofNullable(loaded.sets.get(new Key(kind, channel, locale)));
    }

    /** Locales with wording for a kind and channel. */
    public Set<String> locales(String kind, Channel channel) {
        Set<String> out = new TreeSet<>();
        loaded.sets.keySet().stream().filter(k -> k.kind.equals(kind) && k.channel == channel).forEach(k -> out.add(k.locale));
        return out;
    }

    /** Locales with wording for a kind on any channel. */
    public Set<String> locales(String kind) {
        Set<String> out = new TreeSet<>();
        loaded.sets.keySet().stream().filter(k -> k.kind.equals(kind)).forEach(k -> out.add(k.locale));
        return out;
    }

    public Rendered render(TemplateSet set, Map<String, Object> model) {
        Map<String, String> out = new LinkedHashMap<>();
        set.files.forEach((file, template) -> out.put(file, template.render(model)));
        String title = switch (set.channel) {
            case EMAIL -> out.get("subject.txt");
            case PUSH, LETTER -> out.get("title.txt");
            default -> null;
        };
        String text = switch (set.channel) {
            case EMAIL, PUSH -> out.get("body.txt");
            case SMS -> out.get("text.txt");
            case VOICE -> out.get("script.txt");
            case LETTER -> out.get("letter.html");
        };
        String html = switch (set.channel) {
            case EMAIL -> out.get("body.html");
            case LETTER -> out.get("letter.html");
            default -> null;
        };
        title = title == null ? null : title.strip();
        text = text == null ? null : text.strip();
        return new Rendered(title, text, html, sha256(String.join("\u0000", out.keySet()) + "\u0001"
                + String.join("\u0000", out.values())));
    }

    private Loaded read(Path dir) {
        Map<Key, TemplateSet> sets = new TreeMap<>((a, b) -> (a.kind + a.channel + a.locale).compareTo(b.kind + b.channel + b.locale));
        List<String> errors = new ArrayList<>();
        Path notices = dir.resolve("notices");
        MessageDigest digest = digest();
        if (!Files.isDirectory(notices)) {
            return new Loaded(Map.of(), List.of(), HexFormat.of().formatHex(digest.digest()));
        }
        try (Stream<Path> walk = Files.walk(notices)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            Map<Key, Map<String, String>> sources = new TreeMap<>((a, b) -> (a.kind + a.channel + a.locale)
                    .compareTo(b.kind + b.channel + b.locale));
            for (Path file : files) {
                Path rel = notices.relativize(file);
                String relName = "notices/" + rel.toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(file);
                digest.update(relName.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
                if (rel.getNameCount() != 4) {
                    errors.add(relName + ": expected notices/<kind>/<channel>/<locale>/<file>");
                    continue;
                }
                Channel channel;
                try {
                    channel = Channel.valueOf(rel.getName(1).toString().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(relName + ": unknown channel '" + rel.getName(1) + "'");
                    continue;
                }
                String fileName = rel.getName(3).toString();
                List<String> allowed = FILES.get(channel).stream().map(f -> f.replace("?", "")).toList();
                if (!allowed.contains(fileName)) {
                    errors.add(relName + ": a " + channel.key() + " template is one of " + allowed);
                    continue;
                }
                Key key = new Key(rel.getName(0).toString(), channel, rel.getName(2).toString());
                sources.computeIfAbsent(key, k -> new TreeMap<>()).put(fileName, new String(bytes, StandardCharsets.UTF_8));
            }
            for (Map.Entry<Key, Map<String, String>> e : sources.entrySet()) {
                Key key = e.getKey();
                Map<String, Template> parsed = new TreeMap<>();
                for (String need : FILES.get(key.channel)) {
                    if (!need.endsWith("?") && !e.getValue().containsKey(need)) {
                        errors.add("notices/" + key.kind + "/" + key.channel.key() + "/" + key.locale + "/" + need
                                + ": missing");
                    }
                }
                for (Map.Entry<String, String> f : e.getValue().entrySet()) {
                    String path = "notices/" + key.kind + "/" + key.channel.key() + "/" + key.locale + "/" + f.getKey();
                    try {
                        Variant variant = f.getKey().endsWith(".html") ? Variant.forContentType(Variant.TEXT_HTML)
                                : Variant.forContentType(Variant.TEXT_PLAIN);
                        parsed.put(f.getKey(), engine.parse(f.getValue(), variant, path));
                    } catch (TemplateException ex) {
                        errors.add(path + ": " + lineOf(ex) + ex.getMessage());
                    }
                }
                if (parsed.size() == e.getValue().size()) {
                    TemplateSet set = new TemplateSet(key.kind, key.channel, key.locale, parsed, e.getValue());
                    try {
                        render(set, NoticeModel.sample(key.locale));
                        sets.put(key, set);
                    } catch (TemplateException ex) {
                        errors.add("notices/" + key.kind + "/" + key.channel.key() + "/" + key.locale + ": "
                                + lineOf(ex) + ex.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read notice templates in " + dir, e);
        }
        return new Loaded(Map.copyOf(sets), List.copyOf(errors), HexFormat.of().formatHex(digest.digest()));
    }

    private static String lineOf(TemplateException ex) {
        return ex.getOrigin() == null ? "" : "line " + ex.getOrigin().getLine() + ": ";
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
