package app.sendsongs.core.music;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordingMatchTest {
    private static final TrackId SHARED_ID = new TrackId("4uLU6hMCjMI75M1A2tKUQC");
    private static final TrackId RELINKED_FROM = new TrackId("7GhIk7Il098yCjg4BQjzvb");
    private static final TrackId OTHER_ID = new TrackId("3n3Ppam7vgaVa1iaRUc9Lp");

    /** Artist and title as one service names them, then as another does, and whether it is the same song. */
    static Stream<Arguments> titlePairs() {
        return Stream.of(
                same("The Beatles", "Let It Be - Remastered 2009", "The Beatles", "Let It Be"),
                same("The Beatles", "Come Together - Remastered 2009", "Beatles", "Come Together"),
                same("Queen", "Bohemian Rhapsody - Remastered 2011", "Queen", "Bohemian Rhapsody"),
                same("Queen", "Don't Stop Me Now (2011 Remaster)", "Queen", "Don’t Stop Me Now"),
                same("David Bowie", "Heroes - 2017 Remaster", "David Bowie", "\"Heroes\""),
                same("Fleetwood Mac", "Dreams (2004 Remaster)", "Fleetwood Mac", "Dreams"),
                same("Pink Floyd", "Wish You Were Here (Remastered)", "Pink Floyd", "Wish You Were Here"),
                same("Led Zeppelin", "Stairway to Heaven - Remaster", "Led Zeppelin", "Stairway To Heaven"),
                same("The Rolling Stones", "Paint It, Black - Remastered 2005", "Rolling Stones", "Paint It Black"),
                same("Eagles", "Hotel California - 2013 Remaster", "Eagles", "Hotel California"),
                same("The Police", "Every Breath You Take - Remastered 2003", "The Police", "Every Breath You Take"),
                same("Simon & Garfunkel", "The Sound of Silence", "Simon and Garfunkel", "The Sound Of Silence"),
                same("Florence + The Machine", "Dog Days Are Over", "Florence and the Machine", "Dog Days Are Over"),
                same("Florence + The Machine", "Dog Days Are Over", "Florence & The Machine", "Dog Days Are Over"),
                same("Elvis Presley", "Can't Help Falling in Love (Digitally Remastered)", "Elvis Presley",
                        "Can't Help Falling In Love"),
                same("Creedence Clearwater Revival", "Fortunate Son [Remastered 2014]", "Creedence Clearwater Revival",
                        "Fortunate Son"),
                same("The Clash", "London Calling - 2019 Remastered Version", "The Clash", "London Calling"),
                same("Beyoncé", "Halo", "Beyonce", "Halo"),
                same("Sigur Rós", "Hoppípolla", "Sigur Ros", "Hoppipolla"),
                same("Mötley Crüe", "Kickstart My Heart", "Motley Crue", "Kickstart my heart"),
                same("Céline Dion", "My Heart Will Go On", "Celine Dion", "My Heart Will Go On"),
                same("Rosalía", "MALAMENTE - Cap.1: Augurio", "Rosalia", "Malamente (Cap.1: Augurio)"),
                // letters that are not an accent on another letter, written plainly by some players and people
                same("Röyksopp", "Eple", "Royksopp", "Eple"),
                same("Kaizers Orchestra", "Ompa til du dør", "Kaizers Orchestra", "Ompa til du dor"),
                same("Sigur Rós", "Ágætis byrjun", "Sigur Ros", "Agaetis byrjun"),
                same("Rammstein", "Weißes Fleisch", "Rammstein", "Weisses Fleisch"),
                same("Łona i Webber", "Złota skała", "Lona i Webber", "Zlota skala"),
                same("Sezen Aksu", "Kırmızı", "Sezen Aksu", "Kirmizi"),
                same("Hjaltalín", "Þú komst við hjartað í mér", "Hjaltalin", "Thu komst vid hjartad i mer"),
                same("Œuvre", "Cœur", "Oeuvre", "Coeur"),
                same("Pink Floyd", "Another Brick in the Wall, Pt. 2", "Pink Floyd", "Another Brick in the Wall (Part 2)"),
                same("Kendrick Lamar", "Sing About Me, I'm Dying Of Thirst", "Kendrick Lamar",
                        "Sing About Me, I’m Dying of Thirst"),
                same("AC/DC", "Back In Black", "ACDC", "Back in Black"),
                same("Guns N' Roses", "Sweet Child O' Mine", "Guns N Roses", "Sweet Child O Mine"),
                same("Daft Punk", "Get Lucky (feat. Pharrell Williams and Nile Rodgers)", "Daft Punk", "Get Lucky"),
                same("Mark Ronson", "Uptown Funk (feat. Bruno Mars)", "Mark Ronson ft. Bruno Mars", "Uptown Funk"),
                same("Calvin Harris", "This Is What You Came For (feat. Rihanna)", "Calvin Harris feat. Rihanna",
                        "This Is What You Came For"),
                same("Macklemore & Ryan Lewis", "Thrift Shop (feat. Wanz)", "Macklemore & Ryan Lewis featuring Wanz",
                        "Thrift Shop"),
                same("Eminem", "Love The Way You Lie [ft. Rihanna]", "Eminem", "Love the Way You Lie"),
                same("Justin Bieber", "Stay (with The Kid LAROI)", "Justin Bieber", "Stay"),
                same("Gotye", "Somebody That I Used To Know", "Gotye feat. Kimbra", "Somebody That I Used to Know"),
                same("Drake", "One Dance ft. Wizkid & Kyla", "Drake", "One Dance"),
                same("Nirvana", "Smells Like Teen Spirit", "NIRVANA", "SMELLS LIKE TEEN SPIRIT"),
                same("a-ha", "Take On Me", "A-ha", "Take on Me"),
                same("Nirvana", "Where Did You Sleep Last Night - Live", "Nirvana",
                        "Where Did You Sleep Last Night (Live)"),
                same("Queen", "Love of My Life - Live at Rock in Rio / Remastered 2011", "Queen",
                        "Love of My Life (Live at Rock in Rio)"),
                same("Oasis", "Wonderwall - Remastered", "Oasis", "Wonderwall"),
                same("Marvin Gaye", "Sexual Healing - Digital Remaster", "Marvin Gaye", "Sexual Healing"),
                same("The Supremes", "Baby Love - 2001 Digital Remaster", "Supremes", "Baby Love"),
                // a scrobbler's one credit naming every artist, the first one first
                same("Marlow Vance", "Two Umbrellas, One Storm", "Marlow Vance, Odessa Crane",
                        "Two Umbrellas, One Storm"),
                same("Marlow Vance", "Two Umbrellas, One Storm", "Marlow Vance & Odessa Crane",
                        "Two Umbrellas, One Storm"),
                same("Marlow Vance", "Two Umbrellas, One Storm", "Marlow Vance x Odessa Crane",
                        "Two Umbrellas, One Storm"),
                same("Marlow Vance", "Two Umbrellas, One Storm", "Marlow Vance; Odessa Crane",
                        "Two Umbrellas, One Storm"),
                same("Simon & Garfunkel", "Mrs. Robinson", "Simon & Garfunkel, Dave Grusin", "Mrs. Robinson"),
                same("Tyler, The Creator", "EARFQUAKE", "Tyler, The Creator", "Earfquake"),
                different("Nirvana", "Smells Like Teen Spirit", "Nirvana", "Smells Like Teen Spirit - Live"),
                different("Eric Clapton", "Layla", "Eric Clapton", "Layla - Acoustic"),
                different("Eric Clapton", "Tears in Heaven", "Eric Clapton", "Tears in Heaven (Acoustic Live)"),
                different("Daft Punk", "One More Time", "Daft Punk", "One More Time (Remix)"),
                different("Gorillaz", "Clint Eastwood", "Gorillaz", "Clint Eastwood - Ed Case/Sweetie Irie Refix"),
                different("Lady Gaga", "Bad Romance", "Lady Gaga", "Bad Romance - Skrillex Remix"),
                different("Radiohead", "Creep", "Radiohead", "Creep (Acoustic)"),
                different("The Beatles", "While My Guitar Gently Weeps", "The Beatles",
                        "While My Guitar Gently Weeps - Demo"),
                different("Hans Zimmer", "Time", "Hans Zimmer", "Time - Instrumental"),
                different("Adele", "Hello", "Adele", "Hello - Instrumental"),
                different("Queen", "Bohemian Rhapsody - Remastered 2011", "Queen",
                        "Bohemian Rhapsody - Live Aid / Remastered 2011"),
                different("Adele", "Hello", "Lionel Richie", "Hello"),
                different("The Beatles", "Yesterday", "Boyz II Men", "Yesterday"),
                different("Nirvana", "Come as You Are", "Nirvana", "Come as You Are - Demo"),
                different("Coldplay", "Yellow", "Coldplay", "Fix You"),
                different("Pink Floyd", "Another Brick in the Wall, Pt. 1", "Pink Floyd",
                        "Another Brick in the Wall (Part 2)"),
                different("Odessa Crane", "Two Umbrellas, One Storm", "Marlow Vance, Odessa Crane",
                        "Two Umbrellas, One Storm"),
                different("Marlow Vance", "Two Umbrellas, One Storm", "Marlow Vanceley & Odessa Crane",
                        "Two Umbrellas, One Storm"),
                different("Oasis", "Wonderwall", "Oasis", "Wonderwall - Live at Knebworth"),
                // a "with" that names how it was played, not who joined, is another recording
                different("Elvis Presley", "If I Can Dream", "Elvis Presley",
                        "If I Can Dream (with the Royal Philharmonic Orchestra)"),
                different("Oasis", "Wonderwall", "Oasis", "Wonderwall (with Strings)"),
                same("The Kid LAROI", "Stay (with Justin Bieber)", "The Kid LAROI", "Stay"),
                // a credit written without brackets ends where the title does: a version word after it still counts
                different("Skrillex", "Bangarang", "Skrillex", "Bangarang feat. Sirah Remix"),
                different("Daft Punk", "Get Lucky", "Daft Punk", "Get Lucky ft. Pharrell Williams Live"),
                same("Drake", "One Dance", "Drake", "One Dance feat. Wizkid & Kyla - Remastered"),
                // a cover is another artist's recording of the song, or marked as one
                different("Nine Inch Nails", "Hurt", "Johnny Cash", "Hurt"),
                different("Leonard Cohen", "Hallelujah", "Jeff Buckley", "Hallelujah"),
                different("Radiohead", "Creep", "Radiohead", "Creep - Acoustic Cover"),
                different("Dolly Parton", "Jolene", "Dolly Parton", "Jolene (Cover)"),
                // what a release calls its copy of the same recording, as players other than Spotify scrobble it
                same("Toto", "Africa", "TOTO", "Africa - Single Version"),
                same("Toto", "Africa", "Toto", "Africa (Album Version)"),
                same("The Beach Boys", "God Only Knows - Mono", "The Beach Boys", "God Only Knows"),
                same("The Beach Boys", "God Only Knows - Stereo / Remastered 1996", "The Beach Boys",
                        "God Only Knows (Stereo Mix)"),
                same("Cardi B", "WAP (feat. Megan Thee Stallion)", "Cardi B", "WAP (Explicit)"),
                same("Cardi B", "WAP", "Cardi B", "WAP - Clean Version"),
                same("Bon Iver", "Skinny Love", "Bon Iver", "Skinny Love - Bonus Track"),
                same("Kenny Loggins", "Danger Zone - From \"Top Gun\" Original Soundtrack", "Kenny Loggins",
                        "Danger Zone"),
                same("Idina Menzel", "Let It Go - From \"Frozen\"/Soundtrack Version", "Idina Menzel",
                        "Let It Go (From \"Frozen\")"),
                same("Billie Eilish", "What Was I Made For? [From The Motion Picture \"Barbie\"]", "Billie Eilish",
                        "What Was I Made For?"),
                same("Dua Lipa", "Dance The Night - From Barbie The Album", "Dua Lipa", "Dance The Night"),
                different("Nina Vale", "Letters", "Nina Vale", "Letters - From the Inside"),
                same("Prince", "Purple Rain", "Prince & The Revolution", "Purple Rain - 2015 Paisley Park Remaster"),
                same("Fleetwood Mac", "Go Your Own Way", "Fleetwood Mac", "Go Your Own Way - 2004 Remastered Edition"),
                same("The Who", "Baba O'Riley", "The Who", "Baba O'Riley - 50th Anniversary Remaster"),
                same("Blur", "Song 2", "Blur", "Song 2 - Remastered Version 2012"),
                // those words inside a title, or beside a version word, are the title's own
                different("Bruno Mars", "Talking to the Moon", "Bruno Mars", "Talking to the Moon - Acoustic Piano"),
                different("Sia", "Chandelier", "Sia", "Chandelier - Piano Version"),
                different("Queen", "Bohemian Rhapsody", "Queen", "Bohemian Rhapsody - Live / Mono"),
                different("Travie McCoy", "Billionaire", "Travie McCoy", "Billionaire - From the Studio, Live"),
                different("Gym Class Heroes", "Stereo Hearts", "Gym Class Heroes", "Hearts"),
                different("Taylor Swift", "Clean", "Taylor Swift", "Clean Slate"),
                different("Taylor Swift", "Love Story (Taylor's Version)", "Taylor Swift", "Love Story"),
                different("The Weeknd", "Blinding Lights", "The Weeknd", "Blinding Lights - Radio Edit"));
    }

    @ParameterizedTest(name = "{0} – {1} / {2} – {3}: same {4}")
    @MethodSource("titlePairs")
    void namesAloneMatchTheSameSongBothWays(String sharedArtist, String sharedTitle, String playedArtist,
                                            String playedTitle, boolean same) {
        Recording shared = Recording.named(sharedArtist, sharedTitle);
        Recording played = Recording.named(playedArtist, playedTitle);

        assertThat(shared.sameSongAs(played)).isEqualTo(same);
        assertThat(played.sameSongAs(shared)).isEqualTo(same);
    }

    @Test
    void theSharedIdOrTheIdItWasRelinkedFromMatches() {
        Recording shared = track(SHARED_ID, Optional.of(RELINKED_FROM), Optional.empty()).recording();

        assertThat(shared.sameSongAs(track(SHARED_ID, Optional.empty(), Optional.empty()).recording())).isTrue();
        assertThat(shared.sameSongAs(track(RELINKED_FROM, Optional.empty(), Optional.empty()).recording())).isTrue();
        assertThat(track(RELINKED_FROM, Optional.empty(), Optional.empty()).recording()
                .sameSongAs(track(OTHER_ID, Optional.of(RELINKED_FROM), Optional.empty()).recording())).isTrue();
    }

    @Test
    void anotherSpotifyIdWithTheSameNamesIsAnotherRelease() {
        Recording shared = track(SHARED_ID, Optional.empty(), Optional.empty()).recording();

        assertThat(shared.sameSongAs(track(OTHER_ID, Optional.empty(), Optional.empty()).recording())).isFalse();
    }

    @Test
    void theSameIsrcMatchesWhateverTheIdsAndNames() {
        Recording shared = track(SHARED_ID, Optional.empty(), Optional.of("GBARL9300135")).recording();
        Recording played = new Recording(Set.of(OTHER_ID), Optional.of("gbarl9300135"), Optional.empty(),
                List.of("Someone Else"), "Another Title");

        assertThat(shared.sameSongAs(played)).isTrue();
        assertThat(shared.sameSongAs(new Recording(Set.of(OTHER_ID), Optional.of("USUM71703861"), Optional.empty(),
                List.of("Rick Astley"), "Never Gonna Give You Up"))).isFalse();
    }

    @Test
    void anIsrcWrittenWithHyphensOrSpacesIsTheSameIsrc() {
        Recording shared = track(SHARED_ID, Optional.empty(), Optional.of("USUM71703861")).recording();

        assertThat(shared.sameSongAs(new Recording(Set.of(), Optional.of("US-UM7-17-03861"), Optional.empty(),
                List.of("Someone"), "Tagged by hand"))).isTrue();
        assertThat(shared.sameSongAs(new Recording(Set.of(), Optional.of(" usum7 1703861 "), Optional.empty(),
                List.of("Someone"), "Tagged by hand"))).isTrue();
        assertThat(shared.sameSongAs(new Recording(Set.of(), Optional.of("US-UM7-17-03862"), Optional.empty(),
                List.of("Someone"), "Tagged by hand"))).isFalse();
    }

    @Test
    void theSameMusicBrainzIdMatches() {
        String mbid = "8f3471b5-7e6a-48da-86a9-c1c07a0f47ae";
        Recording shared = new Recording(Set.of(), Optional.empty(), Optional.of(mbid), List.of("A"), "One");
        Recording played = new Recording(Set.of(), Optional.empty(), Optional.of(mbid.toUpperCase()), List.of("B"),
                "Two");

        assertThat(shared.sameSongAs(played)).isTrue();
        assertThat(shared.sameSongAs(new Recording(Set.of(), Optional.empty(),
                Optional.of("0b7d5a63-0000-4a0e-9c5d-3f1d7e0c4a11"), List.of("C"), "Three"))).isFalse();
    }

    @Test
    void aNameOnlyPlayMatchesASpotifyTrackByPrimaryArtistAndTitle() {
        Recording shared = new Track(SHARED_ID, "Get Lucky (feat. Pharrell Williams & Nile Rodgers)",
                List.of("Daft Punk", "Pharrell Williams", "Nile Rodgers"), Duration.ofMinutes(6), Optional.empty(),
                Optional.empty()).recording();

        assertThat(shared.sameSongAs(Recording.named("Daft Punk", "Get Lucky - Radio Edit"))).isFalse();
        assertThat(shared.sameSongAs(Recording.named("Daft Punk feat. Pharrell Williams", "Get Lucky"))).isTrue();
        assertThat(shared.sameSongAs(Recording.named("Pharrell Williams", "Get Lucky"))).isFalse();
    }

    @Test
    void aPlayCreditingEveryArtistInOneNameMatchesTheSpotifyTrackOfThoseArtists() {
        Recording shared = new Track(SHARED_ID, "Two Umbrellas, One Storm", List.of("Marlow Vance", "Odessa Crane"),
                Duration.ofMinutes(5), Optional.empty(), Optional.empty()).recording();

        assertThat(shared.sameSongAs(Recording.named("Marlow Vance, Odessa Crane", "Two Umbrellas, One Storm")))
                .isTrue();
        assertThat(shared.sameSongAs(Recording.named("Marlow Vance & Odessa Crane", "Two Umbrellas, One Storm")))
                .isTrue();
        assertThat(shared.sameSongAs(Recording.named("Odessa Crane & Marlow Vance", "Two Umbrellas, One Storm")))
                .as("the primary artist comes first").isFalse();
    }

    @Test
    void emptyNamesNeverMatch() {
        assertThat(Recording.named("", "").sameSongAs(Recording.named("", ""))).isFalse();
        assertThat(Recording.named("Artist", "").sameSongAs(Recording.named("Artist", ""))).isFalse();
        assertThat(Recording.named("", "Title").sameSongAs(Recording.named("", "Title"))).isFalse();
    }

    private static Track track(TrackId id, Optional<TrackId> linkedFrom, Optional<String> isrc) {
        return new Track(id, "Never Gonna Give You Up", List.of("Rick Astley"), Duration.ofMinutes(3), isrc,
                linkedFrom);
    }

    private static Arguments same(String artistA, String titleA, String artistB, String titleB) {
        return Arguments.of(artistA, titleA, artistB, titleB, true);
    }

    private static Arguments different(String artistA, String titleA, String artistB, String titleB) {
        return Arguments.of(artistA, titleA, artistB, titleB, false);
    }
}
