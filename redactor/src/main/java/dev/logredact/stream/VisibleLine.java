package dev.logredact.stream;

/**
 * A line with terminal escape sequences removed, so that rules see {@code ghp_…} and not
 * {@code \e[31mghp_…}; remembers where each visible character was in the line.
 */
final class VisibleLine {
    final String text;
    /** index[i] = position in the original line of visible character i; null when nothing was removed. */
    private final int[] index;

    private VisibleLine(String text, int[] index) {
        this.text = text;
        this.index = index;
    }

    static VisibleLine of(String line) {
        int esc = line.indexOf('\u001b');
        if (esc < 0) {
            return new VisibleLine(line, null);
        }
        StringBuilder visible = new StringBuilder(line.length());
        int[] index = new int[line.length() + 1];
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\u001b') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '[') {
                    i += 2;
                    while (i < line.length() && (line.charAt(i) < 0x40 || line.charAt(i) > 0x7e)) {
                        i++;
                    }
                } else {
                    i++;
                }
                continue;
            }
            visible.append(c);
            index[n++] = i;
        }
        index[n] = line.length();
        return new VisibleLine(visible.toString(), index);
    }

    /** The original position of visible position {@code i} (i may be the length, meaning the end). */
    int original(int i) {
        return index == null ? i : index[i];
    }

    /** The original end of a visible span ending at {@code end}: just after its last visible character. */
    int originalEnd(int end) {
        return index == null ? end : index[end - 1] + 1;
    }
}
