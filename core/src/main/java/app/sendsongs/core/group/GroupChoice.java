package app.sendsongs.core.group;

/** A group as one person sees it: its id, and the name they know it by ("Family", or "Family (Bob Fisher's)"). */
public record GroupChoice(String groupId, String name) {
}
