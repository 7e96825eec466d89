// Ride Hailer web console: the run the page is on and its state, as console.js last read them. The panels follow it
// here rather than through a page event: a panel whose script loads after the page has started its run and read its
// state (a loaded host may answer those calls before it serves the script) is given that state at once.
let latest = null;
const listeners = [];

// console.js: the run's state was read (a new run, or after a turn).
export function publishState(run, state) {
  latest = { run, state };
  for (const listener of listeners) listener(latest);
}

// A panel: called with every state read from now on, and with the last one already read, if any.
export function onState(listener) {
  listeners.push(listener);
  if (latest) listener(latest);
}
