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
import vn.bantin.delivery.RecipientTable;
import vn.bantin.run.RecipientsEdit;
import vn.bantin.run.RecipientsEditor;
import vn.bantin.store.Database;
import vn.bantin.store.FileVersion;

@Command(name = "recipients", description = "Edit config/recipients.csv with a record of every version.", mixinStandardHelpOptions = true,
        subcommands = {RecipientsCommand.Import.class, RecipientsCommand.Export.class, RecipientsCommand.Versions.class})
final class RecipientsCommand {
    private RecipientsCommand() {
    }

    private abstract static class EditCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Configured configured;

        @Mixin
        Editing editing;

        @Override
        public Integer call() throws Exception {
            Settings settings = configured.settings();
            try (Database db = Editing.store(settings)) {
                return act(new RecipientsEditor(configured.config, settings, Editing.versions(db)), spec.commandLine().getOut(),
                        settings.zone());
            }
        }

        abstract int act(RecipientsEditor editor, PrintWriter o, ZoneId zone) throws Exception;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Replace the recipients list with a CSV (unit,name,email,bulletins), checked against the units of"
                    + " the data first; the list before it is kept as a version. Exit 2, with each problem's line and field, if refused.")
    static final class Import extends EditCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "the new list")
        Path file;

        @Override
        int act(RecipientsEditor editor, PrintWriter o, ZoneId zone) throws Exception {
            RecipientsEdit r = editor.importCsv(Files.readAllBytes(file), editing.by);
            o.println(r.message());
            if (r instanceof RecipientsEdit.Refused refused) {
                refused.problems().forEach(p -> o.println("  " + p.sentence()));
                return Failures.BAD_INPUT;
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the recipients list as CSV, or an earlier version of it.")
    static final class Export extends EditCommand {
        @Option(names = "--to", paramLabel = "FILE", description = "where to write it (default: print it)")
        Path to;

        @Option(names = "--version", paramLabel = "N", description = "an earlier version (see recipients versions)")
        Integer version;

        @Override
        int act(RecipientsEditor editor, PrintWriter o, ZoneId zone) throws Exception {
            byte[] csv = version == null ? editor.exportCsv() : editor.version(version);
            if (to == null) {
                o.print(new String(csv, java.nio.charset.StandardCharsets.UTF_8));
                o.flush();
            } else {
                Files.write(to, csv);
                o.println(to + ": " + RecipientTable.parse(new String(csv, java.nio.charset.StandardCharsets.UTF_8), "").rows().size()
                        + " recipients");
            }
            return 0;
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true, description = "List the recorded versions of the recipients list.")
    static final class Versions extends EditCommand {
        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        @Override
        int act(RecipientsEditor editor, PrintWriter o, ZoneId zone) {
            var history = editor.history();
            if (history.isEmpty()) {
                o.println("recipients.csv has no recorded version: it was never changed through the editor.");
            }
            for (FileVersion v : history) {
                o.println("version " + v.version() + "  " + WHEN.format(v.changedAt().atZone(zone)) + "  " + v.changedBy() + "  " + v.action());
            }
            return 0;
        }
    }
}
