package vn.bantin.config;

import java.util.List;

/**
 * The issuing body shown in the document header, who signs, and who receives a copy ("Nơi nhận").
 * {@code docNumber} is a pattern: {@code {year}} becomes the year of issue and {@code {period}} the period's key.
 */
public record Organisation(String parent, String name, String docNumber, String place, String provinceName,
                           Signatory signatory, List<String> distribution) {

    public Organisation {
        distribution = List.copyOf(distribution);
    }

    /** The issuing body alone, with no signature block or distribution list (tests and small tools). */
    public Organisation(String parent, String name, String docNumber, String place, String provinceName) {
        this(parent, name, docNumber, place, provinceName, new Signatory("", "", ""), List.of());
    }

    /** The document number for a bulletin issued in {@code year} for the period {@code periodKey}. */
    public String docNumber(int year, String periodKey) {
        return docNumber.replace("{year}", Integer.toString(year)).replace("{period}", periodKey);
    }

    /**
     * The signature block: {@code authority} is the line above the title when someone signs on another's behalf
     * ("KT. GIÁM ĐỐC"), empty otherwise; the name is left empty when the bulletin is signed by hand.
     */
    public record Signatory(String authority, String title, String name) {}
}
