package vn.bantin.source;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/** Where the exports are and how to read them. {@code separators} holds only files that differ from ','. */
public record SourceOptions(Path dataDir, Map<SourceFile, Character> separators, ZoneId zone) {

    char separator(SourceFile file) {
        return separators.getOrDefault(file, ',');
    }

    Path path(SourceFile file) {
        return dataDir.resolve(file.fileName());
    }
}
