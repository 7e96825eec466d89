// Ride Hailer web console: the "Alexa app" panel. What a rider does to the skill outside any session (disable it,
// enable it, change its permissions, link the account) goes to /console/api/runs/{id}/alexa-app/…, which does it with
// the simulation kit and sends the skill the AlexaSkillEvent.* for it. The turn is sent through console.js's own
// (the "console:turn" event), so the transcript, the wire panel and the state view show it like any other turn.
import { send } from "./console-api.js";
import { onState } from "./console-state.js";

const $ = (id) => document.getElementById(id);

let runId = null;

async function view(id) {
  const answer = await send("GET", `/runs/${id}/alexa-app`);
  if (!answer.ok) throw new Error(`The Alexa app's state could not be read: HTTP ${answer.status}`);
  return answer.json;
}

const isGranted = (scope) => scope.granted || scope.speakerGranted === true;

function describe(app) {
  const parts = [
    app.enabled ? "Ride Hailer is enabled" : "Ride Hailer is disabled",
    app.accountLinked ? "account linked" : "account not linked",
  ];
  if (app.speakerLinked !== null) parts.push(app.speakerLinked ? "speaker's own link" : "no own link for the speaker");
  // Voice consent grants name and number to the speaker alone; the app grants them to both.
  const granted = app.scopes.filter(isGranted)
    .map((scope) => (scope.granted ? scope.label : `${scope.label} (the speaker's)`));
  parts.push(granted.length ? `granted: ${granted.join(", ")}` : "nothing granted");
  return `${parts.join(" · ")}.`;
}

function show(app) {
  $("alexa-app").dataset.enabled = String(app.enabled);
  $("alexa-app-status").textContent = describe(app);
  $("alexa-app-scopes").replaceChildren(...app.scopes.map((scope) => {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "app-scope";
    box.value = scope.scope;
    box.checked = isGranted(scope);
    const label = document.createElement("label");
    const code = document.createElement("code");
    code.textContent = scope.scope;
    label.append(box, ` ${scope.label} `, code);
    label.title = `the account: ${scope.granted ? "granted" : "not granted"}` +
      (scope.speakerGranted === null ? "" : `; the recognised speaker: ${scope.speakerGranted ? "granted" : "not granted"}`);
    return label;
  }));
  setBusy(document.body.dataset.busy === "true");
}

async function refresh() {
  if (!runId) return;
  try {
    show(await view(runId));
  } catch (failure) {
    $("alexa-app-status").textContent = failure.message;
  }
}

function setBusy(busy) {
  for (const control of document.querySelectorAll("#alexa-app button, #alexa-app input")) control.disabled = busy || !runId;
}

function act(action) {
  const body = action === "permissions"
    ? { scopes: [...document.querySelectorAll("#alexa-app-scopes input:checked")].map((box) => box.value) }
    : {};
  document.dispatchEvent(new CustomEvent("console:turn", { detail: { path: `/alexa-app/${action}`, body } }));
}

for (const button of document.querySelectorAll("#alexa-app [data-app-action]")) {
  button.addEventListener("click", () => act(button.dataset.appAction));
}

// After every turn and every new run console.js reads the state; the panel follows it.
onState(({ run }) => {
  runId = run;
  refresh();
});

// The page is busy while a turn is on its way: the panel waits with it.
new MutationObserver(() => setBusy(document.body.dataset.busy === "true"))
  .observe(document.body, { attributes: true, attributeFilter: ["data-busy"] });
setBusy(true);
