package vn.bantin.run;

import java.nio.file.Path;
import java.util.List;

/**
 * A candidate's preview: the province bulletin and the bulletin of {@code unit} made with it from the data of the
 * period, as PDFs and one PNG per page, in {@code folder}.
 */
public record CandidatePreview(Path folder, Path provincePdf, List<Path> provincePages, String unit, Path unitPdf,
                               List<Path> unitPages) {
}
