package vn.bantin.gather;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import vn.bantin.cli.Main;

/**
 * A config folder of a test's own (the sample's settings, four leaders receiving the province bulletin, a store,
 * out and outbox under the test's folder) and the CLI run in-process on it.
 */
final class GatherScene {
    static final Path SAMPLE = Path.of("data/sample/2022");
    static final List<String> FILES = List.of("units", "documents", "procedures", "dossiers", "feedback");

    final Path dir;
    final Path config;

    GatherScene(Path dir, String name, String extraProperties) throws IOException {
        this.dir = dir.resolve(name);
        this.config = Files.createDirectories(this.dir.resolve("config"));
        String props = Files.readString(Path.of("config/bantin.properties"), StandardCharsets.UTF_8)
                + "\n" + vn.bantin.store.TestStores.properties(this.dir.resolve("var"))
                + "out.dir=" + this.dir.resolve("out") + "\noutbox.dir=" + this.dir.resolve("outbox") + "\n" + extraProperties;
        Files.writeString(config.resolve("bantin.properties"), props, StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n"
                + ",Chủ tịch UBND tỉnh,chutich@bacninh.gov.vn,province\n"
                + ",Văn phòng UBND tỉnh,vanphong.ubnd@bacninh.gov.vn,province\n", StandardCharsets.UTF_8);
    }

    Result cli(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--config", config.toString())).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    Path inputs(String period) {
        return dir.resolve("var/inputs").resolve(period);
    }

    /** The snapshot folders of a period, complete or not (a dotted one is a gather's temporary folder). */
    List<String> snapshotFolders(String period) throws IOException {
        if (!Files.isDirectory(inputs(period))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(inputs(period))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    Path out(String period) {
        return dir.resolve("out").resolve(period);
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
