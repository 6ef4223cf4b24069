package vn.bantin.source;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/** Where the exports are and how each is written; a file without an entry in {@code formats} has the defaults. */
public record SourceOptions(Path dataDir, Map<SourceFile, SourceFormat> formats, ZoneId zone) {

    public SourceFormat format(SourceFile file) {
        return formats.getOrDefault(file, SourceFormat.defaults(file));
    }

    Path path(SourceFile file) {
        return dataDir.resolve(format(file).fileName());
    }
}
