package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/bantin hands the command line to {@code java -jar} unchanged, with the class-data-sharing archive and the
 * compiler chosen per command. A stand-in {@code java} (JAVA_HOME of the test's own) writes down what it was given.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("bin/bantin").toAbsolutePath();

    @TempDir
    Path tmp;
    Path jar;
    Path archive;

    @BeforeEach
    void fakeJdkAndJar() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > \"$ARGS_FILE\"\nexit 7\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = Files.writeString(tmp.resolve("bantin.jar"), "a jar");
        archive = tmp.resolve("work/var/bantin.jsa");
    }

    @Test
    void runMakesTheArchiveAsItExitsThenStartsWithIt() throws Exception {
        List<String> first = launch("run", "--period", "2022-12");
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=var/bantin.jsa"), jvmFlags(first));
        assertEquals(List.of("-jar", jar.toString(), "run", "--period", "2022-12"), commandLine(first),
                "the command line reaches the jar unchanged");
        assertTrue(Files.isDirectory(archive.getParent()), "var/ is made for the archive");

        Files.writeString(archive, "an archive");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        List<String> second = launch("data", "check", "--period", "2022-12");
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=var/bantin.jsa"), jvmFlags(second));
    }

    @Test
    void anArchiveOlderThanTheJarIsMadeAgainByTheNextRun() throws Exception {
        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "an archive of an earlier build");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(60)));
        assertEquals(List.of("-XX:TieredStopAtLevel=1"), jvmFlags(launch("history")), "not used, not made by history");
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=var/bantin.jsa"),
                jvmFlags(launch("preview", "--period", "2022-12")));
    }

    @Test
    void theServiceAndTheConsoleKeepBothCompilers() throws Exception {
        Files.createDirectories(archive.getParent());
        Files.writeString(archive, "an archive");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        assertEquals(List.of("-XX:SharedArchiveFile=var/bantin.jsa"), jvmFlags(launch("serve")));
        assertEquals(List.of("-XX:SharedArchiveFile=var/bantin.jsa"), jvmFlags(launch("console", "--listen", "127.0.0.1:0")));
    }

    @Test
    void bothSettingsCanBeTurnedOff() throws Exception {
        List<String> args = launch(Map.of("BANTIN_CDS", "off", "BANTIN_JIT", "full"), "run", "--period", "2022");
        assertEquals(List.of("-jar", jar.toString(), "run", "--period", "2022"), args);
        assertFalse(Files.exists(archive.getParent()), "no var/ made for an archive that is off");
    }

    private List<String> launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    /** Runs bin/bantin in tmp/work; returns the arguments the stand-in java got. Its exit code is java's. */
    private List<String> launch(Map<String, String> env, String... args) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path argsFile = tmp.resolve("args.txt");
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        pb.environment().put("BANTIN_JAR", jar.toString());
        pb.environment().put("ARGS_FILE", argsFile.toString());
        pb.environment().remove("BANTIN_CDS");
        pb.environment().remove("BANTIN_JIT");
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(7, p.exitValue(), "java's exit code: " + output);
        return Files.readAllLines(argsFile);
    }

    /** The JVM options bin/bantin chose, without those that only quiet CDS's own notes. */
    private static List<String> jvmFlags(List<String> args) {
        return args.subList(0, args.indexOf("-jar")).stream().filter(a -> !a.startsWith("-Xlog:")).toList();
    }

    private static List<String> commandLine(List<String> args) {
        return args.subList(args.indexOf("-jar"), args.size());
    }
}
