package app.sendsongs.store.contract;

import static app.sendsongs.store.contract.Samples.FULL_TRACK;
import static app.sendsongs.store.contract.Samples.at;
import static app.sendsongs.store.contract.Samples.draft;
import static app.sendsongs.store.contract.Samples.minutes;
import static app.sendsongs.store.contract.Samples.onTelegram;
import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.compose.DraftStore;
import app.sendsongs.core.compose.ShareDraft;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link DraftStore}: one unfinished share per person, every field kept; expired ones purged. */
public abstract class DraftStoreContract extends StoreFixture {

    @Test
    void nobodyHasADraftAtFirst() {
        assertThat(drafts.findDraft(at("alice"))).isEmpty();
    }

    @Test
    void aDraftComesBackWithEveryField() {
        ShareDraft draft = draft(at("alice"), minutes(60));

        drafts.saveDraft(draft);

        assertThat(drafts.findDraft(at("alice"))).contains(draft);
    }

    @Test
    void aDraftJustStartedHasNoRecipientAndNothingOffered() {
        ShareDraft fresh = new ShareDraft(onTelegram("alice"), FULL_TRACK.id(), "A", "", "", ShareDraft.Stage.WHO,
                Optional.empty(), List.of(), minutes(60));

        drafts.saveDraft(fresh);

        assertThat(drafts.findDraft(onTelegram("alice"))).contains(fresh);
        assertThat(drafts.findDraft(at("alice"))).as("another platform, another person").isEmpty();
    }

    @Test
    void aDraftIsKeptForAChatAddressNobodyRegisteredWithAndDeletedAgain() {
        // the song someone not registered yet pasted waits as a draft at their address until they connect
        ShareDraft kept = new ShareDraft(onTelegram("newcomer"), FULL_TRACK.id(), "A", "", "", ShareDraft.Stage.WHO,
                Optional.empty(), List.of(), minutes(24 * 60));

        drafts.saveDraft(kept);

        assertThat(users.findUser(onTelegram("newcomer"))).isEmpty();
        assertThat(drafts.findDraft(onTelegram("newcomer"))).contains(kept);
        drafts.deleteDraft(onTelegram("newcomer"));
        assertThat(drafts.findDraft(onTelegram("newcomer"))).isEmpty();
    }

    @Test
    void savingAgainReplacesThePersonsDraft() {
        drafts.saveDraft(draft(at("alice"), minutes(60)));
        ShareDraft later = draft(at("alice"), minutes(90)).at(ShareDraft.Stage.READY, minutes(90))
                .withNotes("", "");

        drafts.saveDraft(later);

        assertThat(drafts.findDraft(at("alice"))).contains(later);
    }

    @Test
    void deletingRemovesOnlyThatPersonsDraftAndMayFindNone() {
        drafts.saveDraft(draft(at("alice"), minutes(60)));
        drafts.saveDraft(draft(at("bob"), minutes(60)));

        drafts.deleteDraft(at("alice"));
        drafts.deleteDraft(at("alice"));
        drafts.deleteDraft(at("nobody"));

        assertThat(drafts.findDraft(at("alice"))).isEmpty();
        assertThat(drafts.findDraft(at("bob"))).isPresent();
    }

    @Test
    void expiredDraftsArePurgedAndLiveOnesStay() {
        drafts.saveDraft(draft(at("alice"), minutes(10)));
        drafts.saveDraft(draft(at("bob"), minutes(30)));

        housekeeping.purgeBefore(minutes(20));

        assertThat(drafts.findDraft(at("alice"))).isEmpty();
        assertThat(drafts.findDraft(at("bob"))).isPresent();
    }
}
