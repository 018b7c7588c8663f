package app.sendsongs.core.group;

import app.sendsongs.core.shared.UserText;
import app.sendsongs.core.user.Names;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules for group names, and the "Family (Bob Fisher's)" form that names a group together with its owner. */
public final class GroupNames {
    public static final int MAX_LENGTH = 40;
    private static final String DOUBLE_QUOTES = "\"“”„«»";
    private static final Pattern WITH_OWNER = Pattern.compile("(.+?)\\s*\\(\\s*(.+?)\\s*['’]s\\s*\\)");

    private GroupNames() {
    }

    /** A group name and the name of its owner, as in "Family (Bob Fisher's)". */
    record WithOwner(String groupName, String ownerName) {
    }

    /** Why a group cannot have this name, if it cannot. */
    public static Optional<String> problem(String name) {
        String tidy = Names.tidy(name);
        if (tidy.isEmpty()) {
            return Optional.of("The group needs a name.");
        }
        if (tidy.length() > MAX_LENGTH) {
            return Optional.of("A group name can be at most " + MAX_LENGTH + " characters.");
        }
        if (tidy.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Optional.of("A group name needs at least one letter or digit.");
        }
        if (UserText.hasInvisibleOrBidi(tidy)) {
            return Optional.of("The group name has invisible or text-direction characters in it; please type it "
                    + "plainly.");
        }
        if (UserText.stacksMarks(tidy)) {
            return Optional.of("The group name stacks marks on a letter; please type it plainly.");
        }
        if (tidy.chars().anyMatch(c -> DOUBLE_QUOTES.indexOf(c) >= 0)) {
            return Optional.of("A group name can't contain double quotes.");
        }
        // "Fаmily" with a Cyrillic а shows as Family: one tap titled "👥 Family" could be a stranger's group
        return Names.mixedScripts(tidy).map(mixed -> mixed + ", so the group could pass for another; please write "
                + "each word in one alphabet.");
    }

    /**
     * {@code name} without its emoji (symbols, skin tones, keycaps, variation selectors and the joiners and tags
     * between them), spacing folded: "Road Trip 🚗" is "Road Trip".
     */
    public static String withoutEmoji(String name) {
        StringBuilder words = new StringBuilder(name.length());
        name.codePoints().filter(c -> !isEmojiPart(c)).forEach(words::appendCodePoint);
        return words.toString().strip().replaceAll("\\s+", " ");
    }

    private static boolean isEmojiPart(int c) {
        int type = Character.getType(c);
        return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }

    /** "Family (Bob Fisher's)": how to name a group when the person is in several groups called the same. */
    public static String withOwner(String groupName, String ownerName) {
        return groupName + " (" + ownerName + "'s)";
    }

    static Optional<WithOwner> parseWithOwner(String reference) {
        Matcher m = WITH_OWNER.matcher(Names.tidy(reference));
        return m.matches() ? Optional.of(new WithOwner(m.group(1), m.group(2))) : Optional.empty();
    }

    /** A group name as one argument of a command: in quotes when it has spaces. */
    public static String argument(String reference) {
        return reference.chars().anyMatch(Character::isWhitespace) ? "\"" + reference + "\"" : reference;
    }
}
