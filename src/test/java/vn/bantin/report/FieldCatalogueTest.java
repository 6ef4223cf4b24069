package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import vn.bantin.config.Organisation;

/**
 * The parameters built from the 2022 sample are exactly those {@link FieldCatalogue} declares, in both bulletins,
 * with the declared types: nothing catalogued is left unset, nothing uncatalogued reaches a template.
 */
class FieldCatalogueTest {

    /** With a signatory and a distribution list, so those parameters carry text too. */
    private static BulletinContext signedContext() {
        BulletinContext sample = SampleIndicators.context();
        Organisation o = sample.organisation();
        return new BulletinContext(new Organisation(o.parent(), o.name(), o.docNumber(), o.place(), o.provinceName(),
                new Organisation.Signatory("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"), List.of("Như trên", "Lưu: VT")),
                sample.issued(), sample.dataReadAt(), sample.sources());
    }

    private static Map<String, Object> province() {
        return new ProvinceParameters(Labels.load(Path.of("templates"), "vi"))
                .build(SampleIndicators.of("2022-12"), SampleIndicators.tree(), signedContext());
    }

    private static Map<String, Object> unit(String name) {
        return UnitParameters.build(SampleIndicators.unit(name), SampleIndicators.of("2022-12"), SampleIndicators.of("2022-11"),
                SampleIndicators.of("2021-12"), SampleIndicators.tree(), signedContext(), Labels.load(Path.of("templates"), "vi"));
    }

    private static Set<String> names(List<TemplateField> fields) {
        return new TreeSet<>(fields.stream().map(TemplateField::name).toList());
    }

    @Test
    void theProvinceBulletinPutsEveryCataloguedParameterAndNoOther() {
        assertEquals(names(FieldCatalogue.PROVINCE.parameters()), new TreeSet<>(province().keySet()));
    }

    @Test
    void theUnitBulletinPutsEveryCataloguedParameterAndNoOther() {
        Set<String> catalogued = names(FieldCatalogue.UNIT.parameters());
        assertEquals(catalogued, new TreeSet<>(unit("Sở Xây dựng").keySet()), "a department");
        assertEquals(catalogued, new TreeSet<>(unit("UBND huyện Gia Bình").keySet()), "a feedback locality");
    }

    @Test
    void everyValueHasItsCataloguedTypeAndEveryRowItsCataloguedFields() {
        List<Executable> checks = new ArrayList<>();
        checks.addAll(typed(FieldCatalogue.PROVINCE, province()));
        checks.addAll(typed(FieldCatalogue.UNIT, unit("UBND huyện Gia Bình")));
        assertAll(checks);
    }

    @Test
    void theHandWrittenSampleOfTheRendererTestsUsesOnlyCataloguedValues() {
        List<Executable> checks = new ArrayList<>();
        SampleParameters.year2022().forEach((key, value) -> {
            var declared = FieldCatalogue.PROVINCE.parameter(key);
            checks.add(() -> assertTrue(declared.isPresent(), key + " is not catalogued"));
            declared.ifPresent(d -> checks.add(() -> assertTrue(d.type().javaClass().isInstance(value), key + " = " + value)));
            declared.filter(d -> value instanceof List<?>).ifPresent(d -> ((List<?>) value).forEach(row -> checks.add(() ->
                    assertTrue(names(d.rowFields()).containsAll(((Map<?, ?>) row).keySet()), key + " row " + row))));
        });
        assertAll(checks);
    }

    @Test
    void theSignatureBlockAndDistributionArePassedAsConfigured() {
        Map<String, Object> p = province();
        assertEquals("KT. GIÁM ĐỐC", p.get("signatoryAuthority"));
        assertEquals("- Như trên;\n- Lưu: VT", p.get("distribution"), "Decree 30: each line but the last ends with ;");
        assertEquals(p.get("distribution"), unit("Sở Xây dựng").get("distribution"), "the unit bulletin shares the header");
    }

    @Test
    void aNameDeclaredTwiceIsRefused() {
        TemplateField name = TemplateField.of("unitName", TemplateField.Type.STRING, "the unit's name");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BulletinFields("test", "Test",
                "", List.of(), List.of(new BulletinFields.Group("a", List.of(name)), new BulletinFields.Group("b", List.of(name)))));
        assertEquals("test bulletin declares 'unitName' twice", e.getMessage());
    }

    @Test
    void aListDeclaresItsRowFields() {
        assertThrows(IllegalArgumentException.class, () -> TemplateField.of("rows", TemplateField.Type.ROWS, "rows"));
        assertThrows(IllegalArgumentException.class, () -> new TemplateField("name", TemplateField.Type.STRING, null,
                "a name", List.of(TemplateField.of("x", TemplateField.Type.STRING, "x"))));
    }

    @Test
    void bulletinsAreFoundByTheirCommandLineName() {
        assertEquals(FieldCatalogue.PROVINCE, FieldCatalogue.bulletin("province").orElseThrow());
        assertEquals(FieldCatalogue.UNIT, FieldCatalogue.bulletin("unit").orElseThrow());
        assertTrue(FieldCatalogue.bulletin("district").isEmpty());
    }

    /** The checks of each value, independent of {@link Parameters}, so that loosening it would show here. */
    private static List<Executable> typed(BulletinFields bulletin, Map<String, Object> values) {
        List<Executable> checks = new ArrayList<>();
        for (TemplateField f : bulletin.parameters()) {
            Object v = values.get(f.name());
            checks.add(() -> assertTrue(v == null ? f.mayBeNull() : f.type().javaClass().isInstance(v),
                    bulletin.name() + " " + f.name() + " = " + v));
            if (!f.rowFields().isEmpty()) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> rows = (List<Map<String, Object>>) v;
                // The Decision 766 lists are empty on the 2022 sample, which has no 766 columns (its bulletin is the 2022 one).
                if (!f.name().startsWith("d766")) {
                    checks.add(() -> assertFalse(rows.isEmpty(), "the sample gives " + f.name() + " rows to check"));
                }
                for (Map<String, Object> row : rows) {
                    checks.add(() -> assertEquals(names(f.rowFields()), new TreeSet<>(row.keySet()), f.name()));
                    for (TemplateField rf : f.rowFields()) {
                        Object rv = row.get(rf.name());
                        checks.add(() -> assertTrue(rv == null ? rf.mayBeNull() : rf.type().javaClass().isInstance(rv),
                                bulletin.name() + " " + f.name() + "." + rf.name() + " = " + rv));
                    }
                }
            }
        }
        return checks;
    }
}
