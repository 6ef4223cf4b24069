package vn.bantin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.run.TemplateEdit;
import vn.bantin.run.TemplateEditor;
import vn.bantin.store.Database;
import vn.bantin.store.FileVersion;

/** {@code templates versions|stage|publish|discard|rollback}: the console's template editor, from a terminal. */
final class TemplateEditCommands {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TemplateEditCommands() {
    }

    /** The options of the commands that check: the data to fill with, and where previews go. */
    static final class Checking {
        @Option(names = "--period", paramLabel = "P", defaultValue = "2022-12", description = "data to check and preview with (default: ${DEFAULT-VALUE})")
        String period;

        @Option(names = "--to", paramLabel = "DIR", defaultValue = "preview", description = "where candidates' previews go (default: ${DEFAULT-VALUE})")
        Path to;
    }

    private abstract static class EditCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Configured configured;

        @Mixin
        Editing editing;

        @Mixin
        Checking checking;

        @Override
        public Integer call() throws Exception {
            Settings settings = configured.settings();
            try (Database db = Editing.store(settings)) {
                TemplateEditor editor = new TemplateEditor(settings, Editing.versions(db), checking.to);
                return act(editor, spec.commandLine().getOut(), settings.zone(), Period.parse(checking.period));
            }
        }

        abstract int act(TemplateEditor editor, PrintWriter o, ZoneId zone, Period period) throws Exception;

        /** Prints the result; exit 0 when done, 2 when refused or with problems. */
        static int print(TemplateEdit result, PrintWriter o) {
            o.println(result.message());
            if (result instanceof TemplateEdit.Problems p) {
                p.problems().forEach(o::println);
                return Failures.BAD_INPUT;
            }
            if (result instanceof TemplateEdit.Staged s) {
                o.println("  preview: " + s.preview().provincePdf());
                s.preview().provincePages().forEach(png -> o.println("  " + png));
                o.println("  unit " + s.preview().unit() + ": " + s.preview().unitPdf());
                s.preview().unitPages().forEach(png -> o.println("  " + png));
                o.println("publish with: templates publish " + s.candidate().id());
            }
            return result instanceof TemplateEdit.Refused ? Failures.BAD_INPUT : 0;
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true,
            description = "List every file of the templates folder with its version and who changed it when; with FILE,"
                    + " that file's recorded versions.")
    static final class Versions extends EditCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a file of the templates folder, such as labels/bulletin_vi.properties")
        String file;

        @Override
        int act(TemplateEditor editor, PrintWriter o, ZoneId zone, Period period) {
            if (file == null) {
                for (TemplateEditor.TemplateFile f : editor.files()) {
                    o.println(String.format("%-40s %s", f.path(), f.version() == null ? "as found, not changed through the editor"
                            : "version " + f.version() + ", " + f.changedBy() + ", " + WHEN.format(f.changedAt().atZone(zone))
                            + (f.changedOutside() ? " (changed by hand since)" : "")));
                }
                editor.staged().forEach(c -> o.println("candidate " + c.id() + ": " + c.path() + ", staged by " + c.stagedBy() + " "
                        + WHEN.format(c.stagedAt().atZone(zone)) + (c.problems().isEmpty() ? "" : ", " + c.problems().size() + " problem(s)")));
                return 0;
            }
            java.util.List<FileVersion> history = editor.history(file);
            if (history.isEmpty()) {
                o.println("templates/" + file + " has no recorded version: it was never changed through the editor.");
            }
            for (FileVersion v : history) {
                o.println("version " + v.version() + "  " + WHEN.format(v.changedAt().atZone(zone)) + "  " + v.changedBy() + "  "
                        + v.action() + "  sha256 " + v.sha256().substring(0, 12) + "  " + v.size() + " bytes");
            }
            return 0;
        }
    }

    @Command(name = "stage", mixinStandardHelpOptions = true,
            description = "Stage a new version of a template file: checked like 'templates check' with it in place and,"
                    + " without problems, previewed (page pictures of the province and one unit bulletin). Writes nothing"
                    + " into the templates folder. Exit 2 on a problem.")
    static final class Stage extends EditCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "the file of the templates folder it replaces, such as unit.jrxml")
        String file;

        @Option(names = "--from", required = true, paramLabel = "PATH", description = "the new version")
        Path from;

        @Override
        int act(TemplateEditor editor, PrintWriter o, ZoneId zone, Period period) throws Exception {
            return print(editor.stage(file, Files.readAllBytes(from), editing.by, period), o);
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Write a staged candidate into the templates folder (checked again first) and record it. Exit 2 if refused.")
    static final class Publish extends EditCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "the candidate's number, as stage printed it")
        long id;

        @Override
        int act(TemplateEditor editor, PrintWriter o, ZoneId zone, Period period) {
            return print(editor.publish(id, editing.by, period), o);
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true, description = "Drop a staged candidate.")
    static final class Discard extends EditCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "the candidate's number")
        long id;

        @Override
        int act(TemplateEditor editor, PrintWriter o, ZoneId zone, Period period) {
            return print(editor.discard(id, editing.by), o);
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Write an earlier recorded version of a file back (checked first), as its newest version. Exit 2 if refused.")
    static final class RollBack extends EditCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "a file of the templates folder")
        String file;

        @Option(names = "--to-version", required = true, paramLabel = "N", description = "the version to restore (see templates versions FILE)")
        int version;

        @Override
        int act(TemplateEditor editor, PrintWriter o, ZoneId zone, Period period) {
            return print(editor.rollBack(file, version, editing.by, period), o);
        }
    }
}
