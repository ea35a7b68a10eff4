package io.boardcast.board;

/**
 * The palette labels are drawn from: dark text on a light tint, each pair above WCAG AA contrast (the CSS classes
 * {@code label-<COLOR>} in boardcast.css). A label always shows its name too, never colour alone.
 */
public enum LabelColor {
    GRAY, RED, ORANGE, YELLOW, GREEN, TEAL, BLUE, PURPLE, PINK;

    /** "Gray", "Red": how the colour is named in forms. */
    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
