package app.sendsongs.core.watch;

import app.sendsongs.core.shared.ChatAddress;
import java.time.Instant;

/**
 * The listen check of one receiver: when it is next due, and how far back their history has
 * already been read ({@code checkedThrough}, exclusive lower bound for the next read).
 * {@code version} changes on every write, so a stale worker's write is refused.
 */
public record Watch(ChatAddress receiver, Instant dueAt, Instant checkedThrough, long version) {
}
