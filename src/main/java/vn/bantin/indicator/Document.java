package vn.bantin.indicator;

import java.time.LocalDate;

/** A row of the document-management export. {@code qualifying}: outgoing, signed and issued from a work dossier. */
public record Document(String unit, Direction direction, LocalDate date, boolean qualifying) {

    public enum Direction { IN, OUT }
}
