package vn.bantin.report;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of one bulletin, in the groups the reference prints them in, and the templates that use them.
 *
 * @param name the bulletin as the command line names it ({@code province}, {@code unit})
 * @param about where its values come from, for the reference
 * @param templates the templates that use them, as globs relative to the templates folder
 */
public record BulletinFields(String name, String title, String about, List<String> templates, List<Group> groups) {

    /** Parameters that belong together, under one heading of the reference. */
    public record Group(String title, List<TemplateField> fields) {
        public Group {
            fields = List.copyOf(fields);
        }
    }

    public BulletinFields {
        templates = List.copyOf(templates);
        groups = List.copyOf(groups);
        requireUniqueNames(name + " bulletin", groups.stream().flatMap(g -> g.fields().stream()).toList());
    }

    public List<TemplateField> parameters() {
        return groups.stream().flatMap(g -> g.fields().stream()).toList();
    }

    public Optional<TemplateField> parameter(String key) {
        return parameters().stream().filter(p -> p.name().equals(key)).findFirst();
    }

    /** A second declaration of a name would leave the reference ambiguous about its type. */
    private static void requireUniqueNames(String where, List<TemplateField> fields) {
        Set<String> seen = new HashSet<>();
        for (TemplateField f : fields) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException(where + " declares '" + f.name() + "' twice");
            }
            requireUniqueNames("rows of " + f.name(), f.rowFields());
        }
    }
}
