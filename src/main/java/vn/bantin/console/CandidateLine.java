package vn.bantin.console;

import java.util.List;

/** A staged candidate with the addresses of its preview's pictures and PDFs (none when it has problems). */
public record CandidateLine(long id, String path, String state, String stagedBy, String stagedAt, List<String> problems,
                            String unit, List<String> provincePages, List<String> unitPages, String provincePdf,
                            String unitPdf) {
    /** Only a staged candidate without problems is offered a publish button (and the server checks it again). */
    public boolean publishable() {
        return "staged".equals(state) && problems.isEmpty();
    }
}
