package vn.bantin.console;

import java.util.ArrayList;
import java.util.List;

import vn.bantin.run.RunResult;

/**
 * What the live run page says beyond the counts, built from what the run reports (not from its English sentences):
 * the bulletins a problem stopped, or why the run stopped. The JSON API shows {@link #english()}; the page, the words
 * of the reader's language.
 */
sealed interface RunNote {
    String english();

    String in(View v);

    /** Bulletins not made, by one problem ({@code file:line: what}, explained by {@link ParserProblems}). */
    record NotMade(boolean province, List<String> units, String problem, String english) implements RunNote {
        private static final int NAMED = 10;

        static NotMade of(RunResult.NotMadeGroup g) {
            boolean province = g.bulletins().stream().anyMatch(n -> n.unit() == null);
            List<String> units = g.bulletins().stream().filter(n -> n.unit() != null).map(RunResult.NotMade::unit).toList();
            return new NotMade(province, units, g.problem(), g.describe());
        }

        @Override
        public String in(View v) {
            List<String> what = new ArrayList<>();
            if (province) {
                what.add(v.t("progress.notMade.province"));
            }
            if (!units.isEmpty()) {
                String named = String.join(", ", units.subList(0, Math.min(NAMED, units.size())));
                what.add(units.size() > NAMED ? v.t("progress.notMade.unitsMore", named, String.valueOf(units.size() - NAMED))
                        : v.t("progress.notMade.units", named));
            }
            return v.t("progress.notMade", String.join(v.t("progress.and"), what), ParserProblems.explain(v, problem));
        }
    }

    /** A repeat of a period already delivered from the same inputs: nothing made or sent, and how to send again. */
    record NothingNew(String period, RunResult.Repeat repeat, String english) implements RunNote {
        @Override
        public String in(View v) {
            return v.t("progress.nothingNew", period, String.valueOf(repeat.runId()), repeat.startedAt(),
                    String.valueOf(repeat.messages()));
        }
    }

    /** The run stopped before making anything: the data does not cover the period; each reason as the Data page words it. */
    record NotReady(List<String> problems, String english) implements RunNote {
        @Override
        public String in(View v) {
            return v.t("progress.stopped.notReadyWhy", String.join("; ", problems.stream().map(p -> DataCheckPage.reason(p, v)).toList()));
        }
    }

    /**
     * The run stopped: {@code kind} says at what (label {@code progress.stopped.<kind>}), from the type the run threw;
     * its sentence, as the part of the program that stopped it wrote it, follows as the detail.
     */
    record Stopped(String kind, String english) implements RunNote {
        static RunNote of(Throwable e) {
            if (e instanceof vn.bantin.run.NotReadyException n && !n.problems().isEmpty()) {
                return new NotReady(n.problems(), n.getMessage());
            }
            String kind = switch (e.getClass().getSimpleName()) {
                case "ConfigException" -> "config";
                case "SourceException" -> "source";
                case "QualityGateException" -> "quality";
                case "NotReadyException" -> "notReady";
                case "ReportException", "EmailTemplateException" -> "template";
                case "StoreException", "RenderBusyException" -> "store";
                case "SignatureException" -> "signature";
                case "GatherException" -> "gather";
                case "DeliveryException" -> "delivery";
                default -> "other";
            };
            return new Stopped(kind, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }

        @Override
        public String in(View v) {
            String detail = kind.equals("template") ? ParserProblems.explain(v, english) : english;
            return v.t("progress.stopped." + kind, detail);
        }
    }
}
