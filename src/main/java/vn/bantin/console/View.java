package vn.bantin.console;

/**
 * What every page knows: the words in the reader's language, who is signed in (null on the sign-in page), the CSRF
 * token its forms carry, which menu item is open, and a line to show at the top (a result or a refusal).
 */
public record View(ConsoleLabels labels, String lang, String user, Role role, String csrf, String active, String notice,
                   String error) {

    public String t(String key, Object... args) {
        return labels.get(lang, key, args);
    }

    /** Whether the signed-in user's role allows what {@code role} may do: the page offers only that. */
    public boolean may(String role) {
        return this.role != null && this.role.mayDo(Role.parse(role).orElseThrow());
    }

    /** "province+unit" in words: "tỉnh, đơn vị". */
    public String bulletins(String ids) {
        return String.join(", ", java.util.Arrays.stream(ids.split("[+,]")).map(String::strip)
                .map(b -> word("kind.", b)).toList());
    }

    /** The label {@code prefix + id}, or the id itself when the set has no such label (a state only the store knows). */
    public String word(String prefix, String id) {
        return labels.has(lang, prefix + id) ? t(prefix + id) : id;
    }

    /** A schedule's state in words: its first part (waiting, paused, …) translated, what follows as the store says it. */
    public String scheduleState(String state) {
        String head = state.split(";")[0].strip();
        String key = head.startsWith("not in the store yet") ? "notStored" : head;
        String rest = state.contains(";") ? state.substring(state.indexOf(';')) : "";
        return labels.has(lang, "schedules.state." + key) ? t("schedules.state." + key) + rest : state;
    }

    public String otherLang() {
        return "vi".equals(lang) ? "en" : "vi";
    }

    View on(String menu) {
        return new View(labels, lang, user, role, csrf, menu, notice, error);
    }

    View saying(String notice, String error) {
        return new View(labels, lang, user, role, csrf, active, notice, error);
    }
}
