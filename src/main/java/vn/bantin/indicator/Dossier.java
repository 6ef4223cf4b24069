package vn.bantin.indicator;

import java.time.LocalDate;

/** A one-stop dossier. Due and finished dates are null when absent. */
public record Dossier(String unit, Channel channel, LocalDate received, LocalDate due, LocalDate finished) {

    public enum Channel { ONLINE, DIRECT, POSTAL }
}
