package vn.bantin.sign;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@code verify} found in one PDF: each signature in file order, or none. The document is unchanged since it was
 * signed only when its last signature covers the whole file and every check of every signature passed.
 */
public record SignatureReport(String file, List<Checked> signatures) {

    public boolean valid() {
        return !signatures.isEmpty() && signatures.stream().allMatch(Checked::valid)
                && signatures.get(signatures.size() - 1).coversWholeFile();
    }

    /**
     * One signature: who signed (null when no certificate matches the signer), when (the time the signer's machine
     * wrote into the PDF), its reason and place, and the outcome of each check: {@code problems} empty means valid.
     */
    public record Checked(String signer, OffsetDateTime signedAt, String reason, String location, boolean coversWholeFile,
                          List<String> chain, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }
}
