package app.sendsongs.core.group;

import app.sendsongs.core.music.Track;
import app.sendsongs.core.privacy.PreferenceStore;
import app.sendsongs.core.privacy.ReceiverPreferences;
import app.sendsongs.core.share.Repeats;
import app.sendsongs.core.share.SendLimiter;
import app.sendsongs.core.share.ShareDelivery;
import app.sendsongs.core.share.Share;
import app.sendsongs.core.share.ShareStatus;
import app.sendsongs.core.share.ShareStore;
import app.sendsongs.core.shared.ChatAddress;
import app.sendsongs.core.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Who of the people a song goes to as one group send (a group's members, the people counted in for a group chat)
 * gets it, and who does not and why: those who blocked the sender (not told why), who already have it from the
 * sender while it is watched, or who had as many songs from them as a day allows are left out; those who do not
 * share receipts with the sender get it without their plays being told.
 */
public final class GroupReceivers {
    private final PreferenceStore preferences;
    private final ShareStore shares;
    private final Repeats repeats;
    private final ShareDelivery delivery;

    public GroupReceivers(PreferenceStore preferences, ShareStore shares, Repeats repeats, ShareDelivery delivery) {
        this.preferences = preferences;
        this.shares = shares;
        this.repeats = repeats;
        this.delivery = delivery;
    }

    /**
     * Splits {@code members} into those whose share a run of this event that was cut short already stored (found by
     * the id this event gives each member's share: this send's own, not repeats) and those still without one.
     */
    public MadeBefore madeBefore(List<User> members, Function<User, String> shareIdOf) {
        List<Share> stored = members.stream().flatMap(member -> shares.findShare(shareIdOf.apply(member)).stream())
                .toList();
        List<User> rest = members.stream()
                .filter(member -> stored.stream().noneMatch(share -> share.receiver().equals(member.address())))
                .toList();
        return new MadeBefore(stored, rest);
    }

    /** The shares an earlier run of the event stored, and the members it had not reached. */
    public record MadeBefore(List<Share> stored, List<User> rest) {
    }

    /**
     * Sorts {@code members} (the sender not among them) for a send of {@code track}. A member who has the song from
     * the sender alone, cancelled while its watch still runs, has it watched again here, as a send to them alone would
     * ({@link Repeats.Earlier#stoppedWithinItsWatch}): they are not sent it twice. A member's song found watched has
     * its receiver's check planned when they have none ({@link ShareDelivery#ensureWatched}), as a send to them would.
     */
    public Sorted sort(User sender, List<User> members, Track track, SendLimiter.Allowance allowance) {
        Sorted sorted = new Sorted(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Repeats.Earlier earlierSends = repeats.of(sender.address(), track);
        for (User member : members) {
            ReceiverPreferences theirs = preferences.preferencesOf(member.address());
            if (theirs.blocks(sender.address())) {
                sorted.blocked().add(member);
                continue;
            }
            Optional<Share> earlier = earlierSends.to(member.address());
            if (earlier.isPresent() && earlier.get().status() == ShareStatus.HELD) {
                sorted.notReachedYet().add(member);
            } else if (earlier.isPresent()) {
                // found watched again by a send cut short before its check was planned: planned now
                delivery.ensureWatched(earlier.get());
                (Repeats.keptPrivate(earlier.get()) ? sorted.alreadyHavePrivately() : sorted.alreadyHave())
                        .add(member);
            } else if (theirs.sharesReceiptsWith(sender.address()) && watchedAgain(earlierSends, member)) {
                sorted.watchedAgain().add(member);
            } else if (allowance.refusesFor(member)) {
                sorted.overLimit().add(member);
            } else if (theirs.sharesReceiptsWith(sender.address())) {
                sorted.told().add(member);
            } else {
                sorted.notTold().add(member);
            }
        }
        return sorted;
    }

    /** Whether {@code member}'s song from the sender alone, cancelled within its watch, is watched again now. */
    private boolean watchedAgain(Repeats.Earlier earlierSends, User member) {
        return earlierSends.stoppedWithinItsWatch(member.address()).filter(delivery::watchAgain).isPresent();
    }

    /**
     * Who gets the song ({@code told} and {@code notTold}), and who does not and why.
     * {@code alreadyHave}: those who have it from the sender while it is watched; {@code alreadyHavePrivately}: those
     * who keep their plays from the sender and had it from them lately, of whom the sender is told nothing more;
     * {@code notReachedYet}: those an earlier send of it still waits for; {@code watchedAgain}: those who have it
     * from the sender alone, who had stopped watching it, and for whom it is watched again.
     */
    public record Sorted(List<User> told, List<User> notTold, List<User> alreadyHave, List<User> overLimit,
                        List<User> blocked, List<User> alreadyHavePrivately, List<User> notReachedYet,
                        List<User> watchedAgain) {
        /** Everyone who gets the song. */
        public List<User> all() {
            List<User> all = new ArrayList<>(told);
            all.addAll(notTold);
            return all;
        }

        /** The share of {@code receiver}'s, with receipts off when they do not tell the sender of their plays. */
        public Share receiptsAsChosen(Share share, User receiver) {
            return told.contains(receiver) ? share : share.withReceiptsOff();
        }

        /** What the sender is told about those left out; empty when nobody was. */
        public String leftOut() {
            StringBuilder text = new StringBuilder();
            if (!alreadyHave.isEmpty()) {
                text.append(" ").append(names(alreadyHave))
                        .append(alreadyHave.size() == 1 ? " already has" : " already have")
                        .append(" it from you and I'm still watching, so I didn't send it again.");
            }
            if (!alreadyHavePrivately.isEmpty()) {
                text.append(" ").append(names(alreadyHavePrivately))
                        .append(alreadyHavePrivately.size() == 1 ? " already has" : " already have")
                        .append(" it from you, so I didn't send it again.");
            }
            if (!watchedAgain.isEmpty()) {
                text.append(" ").append(names(watchedAgain))
                        .append(watchedAgain.size() == 1 ? " already has" : " already have")
                        .append(" it from you (you stopped watching it), so I didn't send it again: I'm watching "
                                + "for it again.");
            }
            if (!notReachedYet.isEmpty()) {
                text.append(" It hasn't reached ").append(names(notReachedYet))
                        .append(" yet from your earlier send, so I didn't send it again.");
            }
            if (!overLimit.isEmpty()) {
                text.append(" Not sent to ").append(names(overLimit))
                        .append(": they've had as many songs from you as one day allows.");
            }
            if (!blocked.isEmpty()) {
                text.append(" I couldn't deliver it to ").append(names(blocked)).append('.');
            }
            return text.toString();
        }

        /** What the sender is told about those who get it but do not share their plays; empty when nobody. */
        public String notToldText() {
            return notTold.isEmpty() ? "" : " " + names(notTold) + (notTold.size() == 1 ? " doesn't" : " don't")
                    + " share when they play songs, so you won't hear about theirs.";
        }

        /** The people {@link #leftOut} and {@link #notToldText} name. */
        public List<ChatAddress> named() {
            return Stream.of(alreadyHave, alreadyHavePrivately, watchedAgain, notReachedYet, overLimit, blocked,
                    notTold).flatMap(List::stream).map(User::address).toList();
        }

        private static String names(List<User> people) {
            return String.join(", ", people.stream().map(User::name).toList());
        }
    }
}
