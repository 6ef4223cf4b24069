package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A value that the catalogue does not declare, or declares otherwise, is refused where the program puts it. */
class ParametersTest {

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String refused(Runnable put) {
        return assertThrows(IllegalStateException.class, put::run).getMessage();
    }

    private static Map<String, Object> category(Object rank) {
        return row("rank", rank, "category", "Rác thải", "count", 312L);
    }

    @Test
    void anUndeclaredKeyIsRefusedByName() {
        Parameters p = new Parameters(FieldCatalogue.PROVINCE);
        assertEquals("'edocMean' is not a parameter of the province bulletin; declare it in FieldCatalogue (type, what null"
                + " means, meaning) before passing it to the templates", refused(() -> p.put("edocMean", "93,78%")));
        assertEquals("'unitFigures' is not a parameter of the province bulletin; declare it in FieldCatalogue (type, what"
                + " null means, meaning) before passing it to the templates", refused(() -> p.put("unitFigures", List.of())),
                "a parameter of the unit bulletin only");
    }

    @Test
    void aValueOfAnotherTypeIsRefused() {
        Parameters p = new Parameters(FieldCatalogue.PROVINCE);
        assertEquals("parameter 'rejectedTotal' of the province bulletin has type Integer (30), but FieldCatalogue declares Long",
                refused(() -> p.put("rejectedTotal", 30)));
        assertEquals("parameter 'edocProvinceMean' of the province bulletin has type Double (93.78), but FieldCatalogue declares"
                + " String", refused(() -> p.put("edocProvinceMean", 93.78)));
    }

    @Test
    void nullIsRefusedWhereTheCatalogueGivesItNoMeaning() {
        Parameters p = new Parameters(FieldCatalogue.UNIT);
        assertEquals("parameter 'headline' of the unit bulletin is null, but FieldCatalogue declares that it never is; give"
                + " it a value, or declare what null means", refused(() -> p.put("headline", null)));
        p.put("parentName", null);
    }

    @Test
    void rowsAreCheckedFieldByField() {
        Parameters p = new Parameters(FieldCatalogue.PROVINCE);
        p.put("paknCategories", List.of(category(1)));
        assertEquals("field 'rank' of row 2 of parameter 'paknCategories' of the province bulletin has type Long (2), but"
                + " FieldCatalogue declares Integer", refused(() -> p.put("paknCategories", List.of(category(1), category(2L)))));
        Map<String, Object> extra = category(1);
        extra.put("share", 18.1);
        assertEquals("row 1 of parameter 'paknCategories' of the province bulletin has [share], which FieldCatalogue does"
                + " not declare for paknCategories; declare them before passing them to the templates",
                refused(() -> p.put("paknCategories", List.of(extra))));
        assertEquals("row 1 of parameter 'paknCategories' of the province bulletin lacks [count], which FieldCatalogue"
                + " declares for paknCategories", refused(() -> p.put("paknCategories", List.of(row("rank", 1, "category", "Rác thải")))));
        assertEquals("row 1 of parameter 'paknCategories' of the province bulletin is of type String, but a row is a Map"
                + " of its fields", refused(() -> p.put("paknCategories", List.of("Rác thải"))));
    }

    @Test
    void valuesNameTheParametersNotPut() {
        TemplateField name = TemplateField.of("unitName", TemplateField.Type.STRING, "the unit's name");
        TemplateField code = TemplateField.of("unitCode", TemplateField.Type.STRING, "the unit's code");
        Parameters p = new Parameters(new BulletinFields("test", "Test", "", List.of(),
                List.of(new BulletinFields.Group("The unit", List.of(name, code)))));
        p.put("unitName", "Sở Xây dựng");
        assertEquals("The test bulletin's parameters lack [unitCode], which FieldCatalogue declares",
                assertThrows(IllegalStateException.class, p::values).getMessage());
        p.put("unitCode", "SXD");
        assertEquals(Map.of("unitName", "Sở Xây dựng", "unitCode", "SXD"), p.values());
    }
}
