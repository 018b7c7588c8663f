"use strict";
/**
 * What the demo's Messenger view (index.html) and Telegram view (telegram.html) share: building elements (text is
 * never parsed as HTML), calling the sandbox, reading its clock (and seeing the server started again), toasts,
 * finding songs in links and playing them on a person's listening source, the attach button beside a message box.
 * Each page's own script takes these from SendSongsDemo. The server names this file's hash in the pages'
 * Content-Security-Policy and in the integrity of their script tag for it.
 */
const SendSongsDemo = (() => {
  /** Web links and Spotify track URIs in a text. */
  const LINK_RE = /(https?:\/\/[^\s<>"“”‘’]+|spotify:track:[0-9A-Za-z]{22})/g;
  /** Punctuation that ends a sentence after a link rather than belonging to it. */
  const AFTER_LINK = /[.,;:!?)\]}»]+$/;
  const TRACK_RE = /^(?:https?:\/\/open\.spotify\.com\/(?:intl-[A-Za-z-]+\/)?(?:embed\/)?track\/([0-9A-Za-z]{22})(?:[/?#].*)?|spotify:track:([0-9A-Za-z]{22}))$/;

  const $ = (sel, root = document) => root.querySelector(sel);

  /** Builds an element; strings among children become text nodes (never parsed as HTML). */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** A call to the sandbox (or the bot): {ok, status, data}, data parsed when it is JSON. */
  async function api(method, path, body) {
    const options = { method, cache: "no-store", headers: {} };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
    return { ok: response.ok, status: response.status, data };
  }

  /**
   * A reader of the sandbox clock for a page's polls: each read answers {now, restarted}, or null when the clock did
   * not answer. Every run of the demo server names itself in the clock's "run"; restarted is true when that name is
   * another than the read before saw: the server was started again, and its emulators forgot the run before, however
   * short the time it was away.
   */
  function clockReader() {
    let run = null;
    return async () => {
      const result = await api("GET", "/sandbox/clock");
      if (!result.ok || !result.data) return null;
      const named = result.data.run;
      const restarted = !!named && run !== null && named !== run;
      if (named) run = named;
      return { now: result.data.now, restarted };
    };
  }

  let toastTimer = null;
  function toast(message, isError) {
    const box = $("#toast");
    box.textContent = message;
    box.classList.toggle("error", !!isError);
    box.classList.add("show");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => box.classList.remove("show"), isError ? 6000 : 4500);
  }

  /** The links in a text, oldest first, each as {url, index}. */
  function linksIn(text) {
    return [...String(text).matchAll(LINK_RE)].map(match => ({ url: match[0].replace(AFTER_LINK, ""), index: match.index }));
  }

  /** Text with its links made into nodes by linkNode(url), built from text nodes only. */
  function withLinks(text, linkNode) {
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const { url, index } of linksIn(text)) {
      frag.append(text.slice(last, index), linkNode(url));
      last = index + url.length;
    }
    frag.append(text.slice(last));
    return frag;
  }

  function trackIdOf(link) {
    const m = TRACK_RE.exec(link);
    return m ? (m[1] || m[2]) : null;
  }

  /** The Spotify track ids of the songs a text links to. */
  const trackIdsIn = text => linksIn(text).map(link => trackIdOf(link.url)).filter(Boolean);
  const trackLink = id => "https://open.spotify.com/track/" + id;
  const trackLabel = t => t.name + " — " + (t.artists || []).join(", ");

  /**
   * The person plays a catalogue track (track: its catalogue entry, if known) on their source as user: a Spotify
   * play (it shows once it has ended), a Last.fm scrobble with the catalogue's artist and title, or a ListenBrainz
   * listen with its Spotify id. The sandbox's answer, as api() gives it.
   */
  function play(source, user, trackId, track) {
    const path = "/sandbox/" + source + "/users/" + encodeURIComponent(user);
    const artist = (track && track.artists || [""])[0];
    const title = track ? track.name : trackId;
    if (source === "lastfm") return api("POST", path + "/scrobbles", { artist, track: title });
    if (source === "listenbrainz") return api("POST", path + "/listens", { artist, track: title, spotify_id: trackId });
    return api("POST", path + "/plays", { track: trackId });
  }

  /**
   * A click on a link to a song of the sandbox's catalogue: the real Spotify has none of them, so instead of a tab on
   * open.spotify.com that finds nothing, the page says where the song plays.
   */
  function sandboxSong(ev) {
    ev.preventDefault();
    toast("This song is only in the sandbox, so the real Spotify would not find it. Press ▶ Play to play it on the "
      + "person's emulated listening service.");
  }

  /**
   * The attach button (📎) beside a chat's message box, as on a phone: a menu of what the person may send instead of
   * text, each kind {icon, label}; picking one calls onPick(kind). The menu takes the arrow keys, and closes on a tap
   * elsewhere or on Escape, which puts the focus back on the button.
   */
  function attachMenu(who, kinds, onPick) {
    const button = el("button", { class: "attach-button", type: "button", title: "Send a photo, a voice message, a sticker…",
      "aria-label": "Attach, as " + who, "aria-haspopup": "menu", "aria-expanded": "false" }, "📎");
    const list = el("div", { class: "attach-menu", role: "menu", hidden: true, "aria-label": "Send as " + who },
      kinds.map(kind => el("button", { class: "attach-item", type: "button", role: "menuitem", dataset: { kind: kind.id },
        onclick: () => { showAttach(wrap, false); button.focus(); onPick(kind); } }, kind.icon + " " + kind.label)));
    const wrap = el("div", { class: "attach-wrap" }, button, list);
    button.addEventListener("click", () => {
      const open = list.hidden;
      showAttach(wrap, open);
      if (open) list.firstChild.focus();
    });
    list.addEventListener("keydown", ev => {
      const step = { ArrowDown: 1, ArrowUp: -1 }[ev.key];
      if (!step) return;
      ev.preventDefault();
      const items = [...list.children];
      items[(items.indexOf(document.activeElement) + step + items.length) % items.length].focus();
    });
    return wrap;
  }

  function showAttach(wrap, open) {
    $(".attach-menu", wrap).hidden = !open;
    $(".attach-button", wrap).setAttribute("aria-expanded", String(open));
  }

  document.addEventListener("click", ev => {
    for (const wrap of document.querySelectorAll(".attach-wrap")) if (!wrap.contains(ev.target)) showAttach(wrap, false);
  });
  document.addEventListener("keydown", ev => {
    if (ev.key !== "Escape") return;
    for (const wrap of document.querySelectorAll(".attach-wrap")) {
      if ($(".attach-menu", wrap).hidden) continue;
      showAttach(wrap, false);
      $(".attach-button", wrap).focus();
    }
  });

  return Object.freeze({ $, el, api, clockReader, toast, linksIn, withLinks, trackIdOf, trackIdsIn, trackLink,
    trackLabel, play, sandboxSong, attachMenu });
})();
