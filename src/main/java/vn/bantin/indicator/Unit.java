package vn.bantin.indicator;

import java.time.LocalDate;

/** One measured organisation. {@code parent} is null at the top; dates are null when open. */
public record Unit(String code, String name, Level level, String parent, LocalDate activeFrom, LocalDate activeTo) {

    public boolean activeDuring(Period period) {
        return period.overlaps(activeFrom, activeTo);
    }
}
