// Ride Hailer web console: each booking's ride timeline, and "play the provider" (WebConsole/RideTimelineEndpoints.cs).
// console.js says which run the page is on and which bookings it shows (console-state.js); this module reads
// /console/api/runs/{id}/rides itself, again every couple of seconds while a ride still moves (the built-in fleet's
// rides move on durable timers), and pushes the provider's events through the console API, which signs and posts them
// to the skill's own webhook. The webhook secret stays on the host: this page never sees it.
import { send } from "./console-api.js";
import { onState } from "./console-state.js";

const $ = (id) => document.getElementById(id);
const pollMs = 1500;

// The buttons: the states a provider reports after the dispatch, then the same event again and two mistakes.
const pushes = [
  { status: "arriving", label: "arriving" },
  { status: "in_progress", label: "in_progress" },
  { status: "completed", label: "completed" },
  { status: "driver_canceled", label: "driver_canceled" },
  { status: "no_drivers_available", label: "no_drivers_available" },
];
const extras = [
  { body: { again: true }, label: "Same event again", title: "The last event pushed, same eventId, freshly signed: a provider's retry (200)" },
  { body: { status: "arriving", tamper: "signature" }, label: "Bad signature", title: "A new arriving event signed with a wrong key (401)" },
  { body: { status: "arriving", tamper: "ride" }, label: "Unknown ride", title: "A new arriving event for a rideId no booking has (404)" },
];

let runId = null;
let bookingKeys = [];
let view = null;
let timer = null;
let reads = 0;
let pushing = false;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

const clock = (iso) => new Date(iso).toLocaleTimeString();

function eta(seconds) {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

function timelineOf(ride) {
  return element("div", { class: "ride", "data-ride": ride.bookingKey, "data-ended": String(ride.ended) },
    element("div", { class: "ride-head muted", text: `Ride id ${ride.rideId ?? "(none: booked before rides had one)"}, from ${ride.source}` }),
    element("ol", { class: "ride-timeline", "aria-label": `Timeline of the ride to ${ride.destination}` },
      ...ride.timeline.map((state) => element("li", { "data-status": state.status, "data-from": state.from },
        element("span", { class: "ride-state", text: state.status }),
        element("time", { datetime: state.since, text: clock(state.since) }),
        state.pickupEtaSeconds === null || state.pickupEtaSeconds === undefined ? null
          : element("span", { class: "ride-eta", text: `ETA ${eta(state.pickupEtaSeconds)}${state.asOf !== state.since ? ` as of ${clock(state.asOf)}` : ""}` }),
        element("span", { class: "muted", text: state.sequence === null || state.sequence === undefined ? state.from : `#${state.sequence}, ${state.from}` })))));
}

/** Puts each ride's timeline in its booking's card; a ride the bookings list does not show goes under this panel. */
function showTimelines() {
  const unlisted = [];
  for (const ride of view?.rides ?? []) {
    const card = document.querySelector(`#bookings li[data-booking="${CSS.escape(ride.bookingKey)}"]`);
    if (!card) {
      unlisted.push(element("li", { "data-booking": ride.bookingKey }, element("strong", { text: `To ${ride.destination}` }), timelineOf(ride)));
      continue;
    }
    card.querySelector(":scope > .ride")?.remove();
    card.append(timelineOf(ride));
  }
  $("ride-unlisted").replaceChildren(...unlisted);
  $("ride-unlisted").hidden = unlisted.length === 0;
}

function showPanel() {
  const provider = view?.provider;
  const current = view?.current;
  if (view) $("ride-provider-note").textContent = view.error ?? provider?.note ?? "";
  $("ride-current").textContent = !current
    ? "No ride yet: book one, and its events can be pushed here."
    : `Latest ride: to ${current.destination} (ride id ${current.rideId ?? "none"}), ${current.status}${current.ended ? " (ended: events change nothing now)" : ""}; the next event carries sequence ${current.nextSequence}.`;
  const playable = Boolean(provider?.canPlay && current?.rideId) && !pushing;
  for (const button of $("ride-push").querySelectorAll("button")) {
    button.disabled = !playable || (button.dataset.again === "true" && !current?.canSendAgain);
  }
}

async function refresh() {
  clearTimeout(timer);
  if (!runId) return;
  const read = ++reads;
  const query = bookingKeys.map((key) => `booking=${encodeURIComponent(key)}`).join("&");
  try {
    const answer = await send("GET", `/runs/${runId}/rides${query ? `?${query}` : ""}`);
    if (read !== reads) return;
    view = answer.status === 200 ? answer.json : { ...view, error: answer.json?.error ?? `HTTP ${answer.status}: ${answer.text}` };
  } catch (failure) {
    if (read !== reads) return;
    view = { ...view, error: failure.message };
  }
  showTimelines();
  showPanel();
  // A ride that has not ended may move on its own (the built-in fleet's timers): read again soon.
  if ((view?.rides ?? []).some((ride) => !ride.ended)) timer = setTimeout(refresh, pollMs);
}

function showResult(result) {
  const box = $("ride-push-result");
  if (result.error) {
    box.replaceChildren(element("p", { class: "error", "data-status": String(result.status), text: `The console refused (HTTP ${result.status}): ${result.error}` }));
    return;
  }
  const pushed = result.pushed;
  const failed = pushed.webhookStatus >= 300;
  const request = `POST ${pushed.url}\nContent-Type: application/json\nX-Ride-Timestamp: ${pushed.timestamp}\nX-Ride-Signature: ${pushed.signature}\n\n${pushed.body}`;
  box.replaceChildren(
    element("p", { class: `webhook-answer${failed ? " failed" : ""}`, "data-status": String(pushed.webhookStatus) },
      element("strong", { text: `Webhook: HTTP ${pushed.webhookStatus}` }),
      ` ${pushed.meaning}${pushed.webhookError ? ` (${pushed.webhookError})` : ""}: ${pushed.status}, sequence ${pushed.sequence}, event ${pushed.eventId}.`),
    element("details", {}, element("summary", { text: "The request as the provider sent it" }),
      element("pre", { tabindex: "0" }, element("code", { text: request }))));
}

async function push(body) {
  if (!runId || pushing) return;
  pushing = true;
  showPanel();
  try {
    const answer = await send("POST", `/runs/${runId}/rides/events`, body);
    showResult(answer.status === 200 ? { pushed: answer.json } : { status: answer.status, error: answer.json?.error ?? answer.text });
  } catch (failure) {
    showResult({ status: 0, error: failure.message });
  } finally {
    pushing = false;
    await refresh();
  }
}

$("ride-push").replaceChildren(
  ...pushes.map(({ status, label }) => {
    const button = element("button", { type: "button", "data-push": status, title: `A new ${status} event for the latest ride (202)`, text: label });
    button.addEventListener("click", () => push({ status }));
    return button;
  }),
  ...extras.map(({ body, label, title }) => {
    const button = element("button", { type: "button", class: "secondary", "data-again": String(Boolean(body.again)), "data-tamper": body.tamper ?? "", title, text: label });
    button.addEventListener("click", () => push(body));
    return button;
  }));
showPanel();

onState(({ run, state }) => {
  if (run !== runId) {
    runId = run;
    view = null;
    $("ride-push-result").replaceChildren();
  }
  bookingKeys = state.bookings.map((booking) => booking.idempotencyKey);
  // The bookings panel was just drawn again: put the timelines back at once, then read them afresh.
  showTimelines();
  refresh();
});

document.addEventListener("visibilitychange", () => {
  if (!document.hidden) refresh();
});
