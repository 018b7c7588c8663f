package app.sendsongs.core.group;

import app.sendsongs.core.shared.Spaces;
import app.sendsongs.core.user.User;
import java.util.List;

/**
 * The group and the person an add or remove is about. Typed without quotes, the first word is read as the group
 * ({@code add_to_group group1 Bob Fisher}, the seed's form); when it names none of the owner's groups but more of
 * the first words do ({@code add_to_group Road Trip Cat Power}), those words are the group and the rest the person.
 */
record GroupAndPerson(String group, String person) {
    static GroupAndPerson read(GroupFinder finder, User owner, String typedGroup, String typedPerson) {
        List<String> groupWords = Spaces.words(typedGroup);
        List<String> words = Spaces.words(typedGroup + " " + typedPerson);
        if (words.size() < 2 || finder.wordsOfAGroupName(owner, groupWords) == groupWords.size()) {
            return new GroupAndPerson(typedGroup, typedPerson);
        }
        int longer = finder.wordsOfAGroupName(owner, words.subList(0, words.size() - 1));
        return longer > groupWords.size()
                ? new GroupAndPerson(String.join(" ", words.subList(0, longer)),
                        String.join(" ", words.subList(longer, words.size())))
                : new GroupAndPerson(typedGroup, typedPerson);
    }
}
