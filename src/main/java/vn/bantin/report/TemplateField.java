package vn.bantin.report;

import java.util.List;

/**
 * One value the templates can use: a parameter of a bulletin, or a field of the rows of a list parameter.
 *
 * @param whenNull what a null value means, or null when the value is never null
 * @param rowFields for a {@link Type#ROWS} parameter, the fields of each row; empty otherwise
 */
public record TemplateField(String name, Type type, String whenNull, String meaning, List<TemplateField> rowFields) {

    /** The Java types the program passes; a template may declare a supertype ({@code java.lang.Number}, Object). */
    public enum Type {
        STRING("String", String.class), BOOLEAN("Boolean", Boolean.class), INTEGER("Integer", Integer.class),
        LONG("Long", Long.class), DOUBLE("Double", Double.class), ROWS("List of rows", List.class),
        IMAGE("PNG image (bytes; declare java.lang.Object)", byte[].class);

        private final String label;
        private final Class<?> javaClass;

        Type(String label, Class<?> javaClass) {
            this.label = label;
            this.javaClass = javaClass;
        }

        public String label() {
            return label;
        }

        public Class<?> javaClass() {
            return javaClass;
        }
    }

    public TemplateField {
        rowFields = List.copyOf(rowFields);
        if ((type == Type.ROWS) == rowFields.isEmpty()) {
            throw new IllegalArgumentException(name + ": a list of rows declares its row fields, and only a list does");
        }
    }

    static TemplateField of(String name, Type type, String meaning) {
        return new TemplateField(name, type, null, meaning, List.of());
    }

    static TemplateField rows(String name, String meaning, TemplateField... fields) {
        return new TemplateField(name, Type.ROWS, null, meaning, List.of(fields));
    }

    /** The same field, which may be null, meaning {@code whenNull}. */
    TemplateField orNull(String whenNull) {
        return new TemplateField(name, type, whenNull, meaning, rowFields);
    }

    public boolean mayBeNull() {
        return whenNull != null;
    }
}
