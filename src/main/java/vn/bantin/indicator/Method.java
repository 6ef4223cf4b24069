package vn.bantin.indicator;

/**
 * Choices of method that config may make.
 * @param edocDenominator what the e-document rate divides by
 * @param localityLevel the level feedback localities are rolled up to
 */
public record Method(EdocDenominator edocDenominator, Level localityLevel) {

    public enum EdocDenominator { INCOMING, OUTGOING }

    public static Method published() {
        return new Method(EdocDenominator.INCOMING, Level.DISTRICT);
    }
}
