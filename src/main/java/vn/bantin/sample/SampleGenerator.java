package vn.bantin.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates the bundled Bắc Ninh 2022 sample dataset: the five platform exports of the data
 * contract (units, documents, procedures, dossiers, feedback), from which the product must
 * reproduce every figure of the province's published 2022 summary. Seeded, so the same bytes
 * come out every time.
 *
 * <p>{@link #writeScaled} makes the same shape at any size for benchmarks.
 */
public final class SampleGenerator {

    /** Fixed seeds, one per concern, so that changing one file's generation leaves the others' bytes alone. */
    private static final long PLAN_SEED = 2022_0101L;
    private static final long CATALOGUE_SEED = 2022_0202L;
    private static final long DOCUMENTS_SEED = 2022_0303L;
    private static final long DOSSIERS_SEED = 2022_0404L;
    private static final long FEEDBACK_SEED = 2022_0505L;

    private SampleGenerator() {
    }

    /** Writes units.csv, documents.csv, procedures.csv, dossiers.csv and feedback.csv of the 2022 sample into {@code dir}. */
    public static void write2022(Path dir) {
        Sample sample = writeSmallFiles(dir);
        new DocumentsFile(new Dice(DOCUMENTS_SEED)).write2022(dir.resolve("documents.csv"), sample.documents());
        new DossiersFile(new Dice(DOSSIERS_SEED), sample.catalogue()).write2022(dir.resolve("dossiers.csv"), sample.dossiers());
    }

    /**
     * Writes a 2022 sample of {@code units} units (Bắc Ninh's 154 and made-up communes, {@link BacNinh#units(int)}),
     * drawn with the sample's seeds and proportions, and beside it a {@code recipients.csv} for config/: the
     * province's 4 leaders and one clerk per unit ({@code vanthu.<code>@bacninh.gov.vn}). The same bytes every time.
     */
    public static void writeUnits(Path dir, int units) {
        List<Unit> tree = BacNinh.units(units);
        Sample sample = writeSmallFiles(dir, tree);
        new DocumentsFile(new Dice(DOCUMENTS_SEED)).write2022(dir.resolve("documents.csv"), sample.documents());
        new DossiersFile(new Dice(DOSSIERS_SEED), sample.catalogue()).write2022(dir.resolve("dossiers.csv"), sample.dossiers());
        try (CsvFile csv = new CsvFile(dir.resolve("recipients.csv"), "unit", "name", "email", "bulletins")) {
            csv.row(null, "Chủ tịch UBND tỉnh", "chutich@bacninh.gov.vn", "province");
            csv.row(null, "Văn phòng UBND tỉnh", "vanphong.ubnd@bacninh.gov.vn", "province");
            csv.row(null, "Lãnh đạo Sở TT&TT", "lanhdao.stttt@bacninh.gov.vn", "province");
            csv.row(null, "Văn thư Sở TT&TT", "vanthu.stttt.tinh@bacninh.gov.vn", "province");
            for (Unit u : tree) {
                csv.row(u.code(), "Văn thư " + u.name(), "vanthu." + u.code().toLowerCase(java.util.Locale.ROOT)
                        + "@bacninh.gov.vn", "unit");
            }
        }
    }

    /**
     * Writes the same units, procedures and feedback as the 2022 sample, and {@code documents} and
     * {@code dossiers} rows drawn with the 2022 proportions from {@code seed}, streamed to disk so memory
     * stays small whatever the size. The figures of the summary are not reproduced.
     */
    public static void writeScaled(Path dir, long documents, long dossiers, long seed) {
        Sample sample = writeSmallFiles(dir);
        new DocumentsFile(new Dice(seed)).writeScaled(dir.resolve("documents.csv"), sample.documents(), documents);
        new DossiersFile(new Dice(seed + 1), sample.catalogue()).writeScaled(dir.resolve("dossiers.csv"), sample.dossiers(), dossiers);
    }

    /** {@code <dir>} writes the 2022 sample; {@code <dir> <documents> <dossiers> [seed]} a scaled one. */
    public static void main(String[] args) {
        if (args.length == 1) {
            write2022(Path.of(args[0]));
        } else if (args.length == 3 || args.length == 4) {
            long seed = args.length == 4 ? Long.parseLong(args[3]) : 1L;
            writeScaled(Path.of(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2]), seed);
        } else {
            System.err.println("usage: SampleGenerator <dir> [<documents> <dossiers> [<seed>]]");
            System.exit(2);
        }
    }

    /** The plans of the 2022 sample, and the three small files that do not change with size. */
    private record Sample(List<EdocPlan.Counts> documents, List<DvcPlan.Counts> dossiers, List<Catalogue.Procedure> catalogue) {
    }

    private static Sample writeSmallFiles(Path dir) {
        return writeSmallFiles(dir, BacNinh.units());
    }

    private static Sample writeSmallFiles(Path dir, List<Unit> units) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Dice planDice = new Dice(PLAN_SEED);
        List<EdocPlan.Counts> documents = EdocPlan.plan(units, planDice);
        List<DvcPlan.Counts> dossiers = DvcPlan.plan(units, planDice);
        List<Catalogue.Procedure> catalogue = Catalogue.build(dossiers, new Dice(CATALOGUE_SEED));
        writeUnits(dir.resolve("units.csv"), units);
        Catalogue.write(dir.resolve("procedures.csv"), catalogue);
        new FeedbackFile(new Dice(FEEDBACK_SEED)).write(dir.resolve("feedback.csv"), units);
        return new Sample(documents, dossiers, catalogue);
    }

    private static void writeUnits(Path file, List<Unit> units) {
        try (CsvFile csv = new CsvFile(file, "code", "name", "level", "parent", "active_from", "active_to")) {
            for (Unit u : units) {
                csv.row(u.code(), u.name(), u.level().word(), u.parent(), null, null);
            }
        }
    }
}
