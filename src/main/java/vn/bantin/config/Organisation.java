package vn.bantin.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The issuing body shown in the document header, who signs, and who receives a copy ("Nơi nhận").
 * {@code docNumber} is a pattern: {@code {number}} becomes the document's number (two digits, or a blank for the clerk),
 * {@code {type}} the abbreviation of {@code docType}, {@code {year}} the year of issue and {@code {period}} the period's
 * key. {@code runningNumber}: the number is the next of the year, counted in the store.
 * {@code signatureImage} and {@code sealImage}: transparent PNGs printed in the signature block, or null.
 */
public record Organisation(String parent, String name, String docNumber, String place, String provinceName,
                           Signatory signatory, List<String> distribution, DocType docType, boolean runningNumber,
                           Path signatureImage, Path sealImage) {

    /** Where the clerk writes the number by hand when the store does not count it. */
    static final String BLANK_NUMBER = "      ";

    public Organisation {
        distribution = List.copyOf(distribution);
    }

    public Organisation(String parent, String name, String docNumber, String place, String provinceName,
                        Signatory signatory, List<String> distribution) {
        this(parent, name, docNumber, place, provinceName, signatory, distribution, DocType.REPORT, false, null, null);
    }

    /** The issuing body alone, with no signature block or distribution list (tests and small tools). */
    public Organisation(String parent, String name, String docNumber, String place, String provinceName) {
        this(parent, name, docNumber, place, provinceName, new Signatory("", "", ""), List.of());
    }

    /** The document number for a bulletin issued in {@code year} for the period {@code periodKey}, its number blank. */
    public String docNumber(int year, String periodKey) {
        return docNumber(year, periodKey, null);
    }

    /** The document number with {@code number} (null: a blank for the clerk), "Số: 05/BC-SKHCN". */
    public String docNumber(int year, String periodKey, Integer number) {
        return docNumber.replace("{number}", number == null ? BLANK_NUMBER : String.format("%02d", number))
                .replace("{type}", docType.abbreviation())
                .replace("{year}", Integer.toString(year)).replace("{period}", periodKey);
    }

    /**
     * The signature block: {@code authority} is the line above the title when someone signs on another's behalf
     * ("KT. GIÁM ĐỐC"), empty otherwise; the name is left empty when the bulletin is signed by hand.
     */
    public record Signatory(String authority, String title, String name) {}
}
