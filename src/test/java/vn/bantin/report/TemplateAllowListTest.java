package vn.bantin.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Executable;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRPropertiesUtil;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * The classes a template's expressions may use (every {@code net.sf.jasperreports.report.class.whitelist.*} list,
 * JasperReports' own included) hold no way to open a file, a URL or a database: no data source but the map one, no
 * class of java.io, java.net, java.nio, java.sql or javax.imageio, and no constructor or method taking a file, a path,
 * a URL, a stream, a reader or a connection.
 */
class TemplateAllowListTest {
    private static final Set<Class<?>> OPENERS = Set.of(File.class, Path.class, URL.class, URI.class, InputStream.class,
            Reader.class, Connection.class);
    /** Needed by the compiled expressions themselves (lambdas, the map rows, reflection's own accessor). */
    private static final Set<String> NEEDED_DESPITE_THEIR_PACKAGE = Set.of("java.io.Serializable",
            "java.lang.invoke.LambdaMetafactory", "jdk.internal.reflect.ConstructorAccessorImpl");

    @Test
    void noAllowedClassReadsAFileAUrlOrADatabase() {
        List<String> problems = new ArrayList<>();
        for (String name : allowed()) {
            if (NEEDED_DESPITE_THEIR_PACKAGE.contains(name) || name.contains("*")) {
                problems.addAll(name.contains("*") ? List.of(name + ": a pattern lets in classes nobody reviewed") : List.of());
                continue;
            }
            if (name.matches("(java\\.io|java\\.net|java\\.nio|java\\.sql|javax\\.imageio|java\\.lang\\.reflect)\\..*")) {
                problems.add(name + ": its package reads files, URLs or databases");
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(name, false, getClass().getClassLoader());
            } catch (ClassNotFoundException absent) {
                continue; // not on the class path (JavaScript expressions): nothing to call
            }
            if (JRDataSource.class.isAssignableFrom(type) && type != JRDataSource.class && type != JRMapCollectionDataSource.class) {
                problems.add(name + ": a data source; a bulletin's rows come only from the parameters bantin passes");
            }
            for (Executable e : Stream.concat(Stream.of(type.getConstructors()), Stream.of(type.getMethods())).toList()) {
                for (Class<?> parameter : e.getParameterTypes()) {
                    if (OPENERS.stream().anyMatch(o -> o.isAssignableFrom(parameter))) {
                        problems.add(name + ": " + e + " takes a " + parameter.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theClassesThatReadWhatTheyAreGivenAreOutside() {
        Set<String> allowed = allowed();
        for (String reader : List.of("net.sf.jasperreports.engine.data.JRCsvDataSource",
                "net.sf.jasperreports.engine.data.JRXmlDataSource", "net.sf.jasperreports.json.data.JsonDataSource",
                "net.sf.jasperreports.engine.data.JRXlsxDataSource", "net.sf.jasperreports.engine.JREmptyDataSource",
                "java.io.InputStream", "java.sql.Connection", "net.sf.jasperreports.renderers.SimpleDataRenderer")) {
            assertTrue(!allowed.contains(reader), reader + " is allowed");
        }
    }

    /** Every class named by an allow-list of the context bantin fills in, as JasperReports' filter reads them. */
    private static Set<String> allowed() {
        Set<String> names = new TreeSet<>();
        JRPropertiesUtil.getInstance(DefaultJasperReportsContext.getInstance())
                .getProperties("net.sf.jasperreports.report.class.whitelist.")
                .forEach(list -> Stream.of(list.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add));
        assertTrue(names.contains("java.lang.String"), "the lists were read: " + names);
        return names;
    }
}
