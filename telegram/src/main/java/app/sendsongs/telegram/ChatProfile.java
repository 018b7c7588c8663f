package app.sendsongs.telegram;

import java.util.Optional;

/**
 * What {@code getChat} tells of a chat (https://core.telegram.org/bots/api#chatfullinfo): a private chat's person
 * (first name, last name, username), or a group's title. {@link #toString()} leaves the names out.
 */
public record ChatProfile(Optional<String> firstName, Optional<String> lastName, Optional<String> username,
                          Optional<String> title) {

    /** The person's name as they show it: first and last name, or whichever of them they gave. */
    public Optional<String> personName() {
        if (firstName.isEmpty()) {
            return lastName;
        }
        return Optional.of(lastName.map(last -> firstName.get() + " " + last).orElse(firstName.get()));
    }

    @Override
    public String toString() {
        return "ChatProfile[" + (title.isPresent() ? "group" : "person") + "]";
    }
}
