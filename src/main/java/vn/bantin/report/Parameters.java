package vn.bantin.report;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bulletin's parameters as they are put, each checked against {@link FieldCatalogue}: a key it does not declare, a
 * value of another type, a null it does not allow, or a row whose fields differ from the declared ones is a mistake
 * in the program, refused where it is made rather than found by a template editor.
 */
final class Parameters {
    private final BulletinFields bulletin;
    private final Map<String, Object> values = new HashMap<>();

    Parameters(BulletinFields bulletin) {
        this.bulletin = bulletin;
    }

    void put(String key, Object value) {
        TemplateField field = bulletin.parameter(key).orElseThrow(() -> new IllegalStateException("'" + key
                + "' is not a parameter of the " + bulletin.name() + " bulletin; declare it in FieldCatalogue"
                + " (type, what null means, meaning) before passing it to the templates"));
        check(field, value, "parameter '" + key + "' of the " + bulletin.name() + " bulletin");
        values.put(key, value);
    }

    /** Every parameter the catalogue declares, so that no template finds one missing. */
    Map<String, Object> values() {
        Set<String> missing = new TreeSet<>();
        bulletin.parameters().forEach(p -> missing.add(p.name()));
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The " + bulletin.name() + " bulletin's parameters lack " + missing
                    + ", which FieldCatalogue declares");
        }
        return new HashMap<>(values);
    }

    private static void check(TemplateField field, Object value, String what) {
        if (value == null) {
            if (!field.mayBeNull()) {
                throw new IllegalStateException(what + " is null, but FieldCatalogue declares that it never is;"
                        + " give it a value, or declare what null means");
            }
            return;
        }
        if (!field.type().javaClass().isInstance(value)) {
            throw new IllegalStateException(what + " has type " + value.getClass().getSimpleName() + " (" + brief(value)
                    + "), but FieldCatalogue declares " + field.type().label());
        }
        if (field.type() == TemplateField.Type.ROWS) {
            int n = 0;
            for (Object row : (List<?>) value) {
                checkRow(field, row, "row " + ++n + " of " + what);
            }
        }
    }

    private static void checkRow(TemplateField list, Object row, String what) {
        if (!(row instanceof Map<?, ?> map)) {
            throw new IllegalStateException(what + " is " + (row == null ? "null" : "of type " + row.getClass().getSimpleName())
                    + ", but a row is a Map of its fields");
        }
        Set<String> declared = new TreeSet<>(list.rowFields().stream().map(TemplateField::name).toList());
        Set<String> extra = new TreeSet<>(keys(map));
        extra.removeAll(declared);
        if (!extra.isEmpty()) {
            throw new IllegalStateException(what + " has " + extra + ", which FieldCatalogue does not declare for "
                    + list.name() + "; declare them before passing them to the templates");
        }
        declared.removeAll(keys(map));
        if (!declared.isEmpty()) {
            throw new IllegalStateException(what + " lacks " + declared + ", which FieldCatalogue declares for "
                    + list.name());
        }
        for (TemplateField f : list.rowFields()) {
            check(f, map.get(f.name()), "field '" + f.name() + "' of " + what);
        }
    }

    private static String brief(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static Collection<String> keys(Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).toList();
    }
}
