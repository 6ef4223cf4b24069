package vn.bantin.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.report.BulletinFields;
import vn.bantin.report.FieldCatalogue;
import vn.bantin.report.FieldsMarkdown;
import vn.bantin.run.TemplateCheck;
import vn.bantin.sign.KeystoreCheck;

@Command(name = "templates", description = "Work with the templates an officer edits.", mixinStandardHelpOptions = true,
        subcommands = {TemplatesCommand.Check.class, TemplatesCommand.Fields.class, TemplateEditCommands.Versions.class,
                TemplateEditCommands.Stage.class, TemplateEditCommands.Publish.class, TemplateEditCommands.Discard.class,
                TemplateEditCommands.RollBack.class})
final class TemplatesCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compile every template and fill the province and a unit bulletin with data; print each problem"
                    + " as file:line: what is wrong. Exit 2 on any problem.")
    static final class Check implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Configured configured;

        @Option(names = "--period", paramLabel = "P", defaultValue = "2022-12", description = "data to fill with (default: ${DEFAULT-VALUE})")
        private String period;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            Settings settings = configured.settings();
            List<String> problems = new java.util.ArrayList<>(TemplateCheck.problems(settings, Period.parse(period)));
            // The signing key is checked like a template: a run would stop at it before sending anything.
            KeystoreCheck.Outcome signing = KeystoreCheck.check(settings.sign(), System::getenv, Clock.system(settings.zone()));
            problems.addAll(signing.problems());
            problems.forEach(o::println);
            signing.notes().forEach(o::println);
            o.println(problems.isEmpty() ? "templates OK: every template compiles and fills"
                    + (settings.sign().configured() ? ", and the signing key signs" : "") : problems.size() + " problem(s)");
            return problems.isEmpty() ? 0 : Failures.BAD_INPUT;
        }
    }

    @Command(name = "fields", mixinStandardHelpOptions = true,
            description = "Print as Markdown every parameter the program passes to the templates, and every field of the"
                    + " rows of a list, with its type, whether it may be null and what it means. templates/PARAMETERS.md"
                    + " is this output: " + FieldsMarkdown.REGENERATE)
    static final class Fields implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--bulletin", paramLabel = "B", description = "province or unit (default: both)")
        private String bulletin;

        @Override
        public Integer call() {
            List<BulletinFields> which = bulletin == null ? FieldCatalogue.ALL
                    : List.of(FieldCatalogue.bulletin(bulletin).orElseThrow(() -> new IllegalArgumentException(
                            "--bulletin " + bulletin + " is not known; use province or unit")));
            PrintWriter o = spec.commandLine().getOut();
            o.print(FieldsMarkdown.of(which));
            o.flush();
            return 0;
        }
    }
}
