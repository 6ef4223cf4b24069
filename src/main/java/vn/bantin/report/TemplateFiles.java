package vn.bantin.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of the templates folder that JRXML templates and messages share: styles, images, wording, email bodies. */
public final class TemplateFiles {
    private TemplateFiles() {
    }

    /**
     * The SHA-256 of every file of the folder but the JRXML templates (whose hashes the {@link TemplateCache} gives, of
     * the very bytes compiled) and the generated Markdown reference, by path relative to the folder.
     */
    public static Map<String, String> sharedFileHashes(Path templatesDir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(templatesDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".jrxml") && !name.endsWith(".md")) {
                    hashes.put(templatesDir.relativize(f).toString(), TemplateCache.sha256(Files.readAllBytes(f)));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return hashes;
    }
}
