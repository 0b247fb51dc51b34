package org.herald.announcement;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The announcement wording, read at run time from {@code herald.announcement.templates-dir}
 * (legal reviews and changes it without a new build): shared layouts such as {@code page.html},
 * and one {@code <locale>.properties} of wording per language. A file is parsed again when it changes.
 */
@ApplicationScoped
public class AnnouncementTemplates {

    private final Engine engine;
    private final Path dir;
    private final Map<String, Cached<Template>> templates = new ConcurrentHashMap<>();
    private final Map<String, Cached<Map<String, String>>> wording = new ConcurrentHashMap<>();

    AnnouncementTemplates(Engine engine, AnnouncementConfig config) {
        this.engine = engine;
        this.dir = Path.of(config.templatesDir());
    }

    private record Cached<T>(FileTime modified, T value) {
    }

    /** A layout; {@code .html} and {@code .xml} files escape what they insert, {@code .txt} files do not. */
    public Template template(String name) {
        Path file = dir.resolve(name);
        FileTime modified = modified(file);
        Cached<Template> cached = templates.get(name);
        if (cached == null || !cached.modified().equals(modified)) {
            String type = name.endsWith(".html") ? Variant.TEXT_HTML : name.endsWith(".xml") ? Variant.TEXT_XML
                    : "text/plain";
            try {
                Template t = engine.parse(Files.readString(file, StandardCharsets.UTF_8),
                        new Variant(Locale.ROOT, type, "UTF-8"), "announcements/" + name);
                cached = new Cached<>(modified, t);
            } catch (IOException e) {
                throw new UncheckedIOException("Announcement template " + file + " cannot be read", e);
            }
            templates.put(name, cached);
        }
        return cached.value();
    }

    /** The languages wording exists for, as BCP 47 tags (e.g. en, zh-CN). */
    public List<String> locales() {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Announcement templates folder " + dir + " cannot be listed", e);
        }
    }

    /** The wording of one language: key → text. */
    public Map<String, String> wording(String locale) {
        Path file = dir.resolve(locale + ".properties");
        FileTime modified = modified(file);
        Cached<Map<String, String>> cached = wording.get(locale);
        if (cached == null || !cached.modified().equals(modified)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("Announcement wording " + file + " cannot be read", e);
            }
            Map<String, String> map = new TreeMap<>();
            p.forEach((k, v) -> map.put(k.toString(), v.toString()));
            cached = new Cached<>(modified, Map.copyOf(map));
            wording.put(locale, cached);
        }
        return cached.value();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Announcement template " + file + " is missing", e);
        }
    }
}
