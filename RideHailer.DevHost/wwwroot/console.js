// Ride Hailer web console: the page's side of /console/api. The server plays Alexa with the simulation kit;
// this module only sends what the rider says or which outcome Amazon's side chose, and shows what came back.
import { call } from "./console-api.js";
import { publishState } from "./console-state.js";

const $ = (id) => document.getElementById(id);

let run = null;
let exchangeCount = 0;

function showError(message) {
  const error = $("error");
  error.textContent = message ?? "";
  error.hidden = !message;
}

function setBusy(busy) {
  document.body.dataset.busy = String(busy);
  document.querySelector("main").setAttribute("aria-busy", String(busy));
  // While Amazon's side waits the rider still speaks: to Alexa's question ("I approve", the PIN), not to the skill.
  for (const control of document.querySelectorAll("#say-form input, #say-form button, #quick button, #amazon-choices button, #rider-form button")) {
    control.disabled = busy;
  }
}

// What the rider would say next, as the text box's hint: Alexa's question while Amazon's side waits, else the step's.
const stepHints = {
  AwaitingDestination: "take me to the space needle",
  AwaitingSecondRideAnswer: "yes or no",
  AwaitingQuoteAnswer: "yes, book it — or no",
  AwaitingPinRetryAnswer: "yes to try the PIN again — or no",
};

function showPlaceholder(awaiting, step) {
  $("say-text").placeholder = awaiting?.kind === "consent" ? "I approve — or no"
    : awaiting?.kind === "pin" ? "the four digits of the profile PIN (see the rider panel)"
    : stepHints[step] ?? "open ride hailer";
}

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

function riderFlags(form) {
  const data = new FormData(form);
  const speaker = data.get("speaker");
  const granted = data.get("granted");
  return {
    unlinked: !data.get("linked"),
    noPerson: speaker === "none",
    personUnlinked: speaker === "no-own-link",
    noGeolocation: !data.get("geolocation"),
    granted: granted === "in-app",
    grantedEarlier: granted === "earlier",
    locale: data.get("locale") || "en-US",
  };
}

async function startRun() {
  setBusy(true);
  showError(null);
  try {
    run = await call("POST", "/runs", riderFlags($("rider-form")));
    exchangeCount = 0;
    $("transcript").replaceChildren();
    $("exchanges").replaceChildren();
    $("bookings").replaceChildren();
    $("pin-policy").textContent = run.pinPolicy;
    $("rider-description").textContent = `This run's rider: ${run.rider}.`;
    $("host-info").textContent =
      (run.verifiesSignatures
        ? "Requests are signed as Alexa signs them, and the host checks every signature. "
        : "Requests are signed, but the host does not check them (Alexa:VerifySignatures is false). ") +
      `Skill endpoint ${run.skillEndpoint}; Alexa APIs at ${run.alexaApiEndpoint}.`;
    showAwaiting(null);
    showQuick(run.quickUtterances);
    await refreshState();
  } catch (failure) {
    showError(failure.message);
  } finally {
    setBusy(false);
    focusNext();
  }
}

function addTranscript(entries) {
  const list = $("transcript");
  for (const entry of entries) {
    let item;
    if (entry.kind === "card") {
      const card = entry.card;
      item = element("li", { class: "card", "aria-label": `Card: ${card.title ?? card.type}` },
        element("span", { class: "kind", text: `Card · ${card.type}` }),
        element("h4", { text: card.title ?? card.type }),
        card.content ? element("p", { text: card.content }) : null,
        card.permissions.length ? element("ul", {}, ...card.permissions.map((scope) => element("li", {}, element("code", { text: scope })))) : null);
    } else if (entry.kind === "rider" || entry.kind === "alexa") {
      item = element("li", { class: entry.kind },
        element("span", { class: "who", text: entry.kind === "rider" ? "You:" : "Alexa:" }), entry.text);
    } else if (entry.kind === "session-ended") {
      item = element("li", { class: "session-ended", text: "session ended" });
    } else {
      item = element("li", { class: entry.kind, text: entry.text });
    }
    list.append(item);
  }
  list.lastElementChild?.scrollIntoView({ block: "nearest" });
}

function copyButton(label, text) {
  const button = element("button", { type: "button", text: `Copy ${label}` });
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = "Copied";
    } catch {
      // Clipboard access needs a secure context or a permission; select the text so Ctrl+C works instead.
      const pre = button.closest(".body-part").querySelector("pre");
      window.getSelection().selectAllChildren(pre);
      button.textContent = "Selected: press Ctrl+C";
    }
  });
  return button;
}

function bodyPart(title, text) {
  return element("div", { class: "body-part" },
    element("header", {}, element("h3", { text: title }), copyButton(title.toLowerCase(), text)),
    element("pre", { tabindex: "0" }, element("code", { text })));
}

function addExchanges(exchanges) {
  const list = $("exchanges");
  for (const details of list.querySelectorAll("details")) details.open = false;
  for (const exchange of exchanges) {
    exchangeCount += 1;
    const startsConnection = exchange.response.includes("Connections.StartConnection");
    const failed = exchange.status < 200 || exchange.status >= 300;
    const summary = element("summary", {},
      element("span", { text: `#${exchangeCount} ${exchange.requestType}` }),
      element("span", { class: `status${failed ? " failed" : ""}`, text: exchange.status ? `HTTP ${exchange.status}` : "no answer" }),
      element("span", { text: `${exchange.latencyMs} ms` }),
      startsConnection ? element("span", { class: "flag", text: "StartConnection" }) : null);
    const details = element("details", { "data-request-type": exchange.requestType, "data-status": String(exchange.status) },
      summary,
      element("div", { class: "body" }, bodyPart("Request", exchange.request), bodyPart("Response", exchange.response)));
    details.open = true;
    list.append(element("li", {}, details));
  }
}

function showAwaiting(awaiting) {
  $("amazon-side").hidden = !awaiting;
  showPlaceholder(awaiting, null);
  if (!awaiting) {
    $("amazon-choices").replaceChildren();
    return;
  }
  $("amazon-heading").textContent = awaiting.kind === "consent"
    ? "Amazon's side: voice-forward consent (AMAZON.AskForPermissionsConsent/2)"
    : "Amazon's side: PIN confirmation (AMAZON.VerifyPerson/2)";
  $("amazon-question").textContent = `Alexa: ${awaiting.question}`;
  $("amazon-token").textContent = awaiting.token ?? "(none)";
  $("amazon-choices").replaceChildren(...awaiting.choices.map((choice) => {
    const button = element("button", { type: "button", "data-outcome": choice.value, title: choice.riderTurn },
      element("span", { text: choice.label }), element("small", { text: `sends ${choice.sends}` }));
    button.addEventListener("click", () => turn("/answer", { outcome: choice.value }));
    return button;
  }));
}

function showQuick(utterances) {
  $("quick").replaceChildren(...utterances.map((text) => {
    const button = element("button", { type: "button", text });
    button.addEventListener("click", () => say(text));
    return button;
  }));
}

function showState(state) {
  const rows = [];
  const session = state.session;
  if (session) {
    rows.push(["Session id", session.sessionId], ["Instance id", session.instanceId], ["Runtime status", session.runtimeStatus],
      ["Step", session.step ?? "—"], ["Pending connection", session.pendingConnection ?? "none"],
      ["Last request answered", session.lastRequestId ?? "—"],
      ["Last updated", session.lastUpdatedAt ? new Date(session.lastUpdatedAt).toLocaleTimeString() : "—"]);
  } else {
    rows.push(["Session", "none yet"]);
  }
  $("session-state").replaceChildren(...rows.flatMap(([term, value]) => [element("dt", { text: term }), element("dd", { text: value })]));
  $("booking-store").textContent = `From the booking store: ${state.bookingStore}.`;
  $("bookings").replaceChildren(...(state.bookings.length === 0
    ? [element("li", { class: "muted", text: "No bookings for this rider." })]
    : state.bookings.map((booking) => element("li", { "data-booking": booking.idempotencyKey },
      element("strong", { text: `To ${booking.destination}` }),
      element("div", { text: `from ${booking.pickup}, ${booking.currency === "USD" ? "$" : booking.currency + " "}${booking.fare.toFixed(2)}` }),
      element("div", { text: `${booking.driver}, ${booking.car} (${booking.licensePlate}); arrives ${new Date(booking.arrivesAt).toLocaleTimeString()}` }),
      element("div", { class: "muted", text: `booked ${new Date(booking.bookedAt).toLocaleTimeString()} · key ${booking.idempotencyKey}` })))));
  if (state.error) showError(state.error);
  return state;
}

async function refreshState() {
  const state = showState(await call("GET", `/runs/${run.id}/state`));
  publishState(run.id, state);
  if ($("amazon-side").hidden) {
    showQuick(state.quickUtterances);
    showPlaceholder(null, state.session?.step);
  }
}

// The rider answers Alexa by typing, at every step (Amazon's buttons are there to click): the text box keeps the focus.
function focusNext() {
  $("say-text").focus();
}

async function turn(path, body) {
  if (!run) return;
  setBusy(true);
  showError(null);
  try {
    const result = await call("POST", `/runs/${run.id}${path}`, body);
    addTranscript(result.transcript);
    addExchanges(result.exchanges);
    showAwaiting(result.awaiting);
    if (result.awaiting) $("quick").replaceChildren();
    if (result.error) showError(result.error);
    await refreshState();
  } catch (failure) {
    addTranscript([{ kind: "error", text: failure.message }]);
    showError(failure.message);
  } finally {
    setBusy(false);
    focusNext();
  }
}

function say(text) {
  return turn("/say", { text });
}

// Another panel's script (alexa-app.js) sends a turn of its own through this page's, so it is shown like any other.
document.addEventListener("console:turn", (event) => turn(event.detail.path, event.detail.body));

$("say-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const input = $("say-text");
  const text = input.value;
  input.value = "";
  say(text);
});

$("rider-form").addEventListener("submit", (event) => {
  event.preventDefault();
  startRun();
});

startRun();
