// Ride Hailer web console: the one way its modules reach /console/api. Every call carries this start's secret, put in the
// page by the host, so no other site can drive the console.
const secret = document.querySelector('meta[name="console-secret"]').content;

/** Calls the console API: the status and the JSON answer (null when none); a network failure is thrown with the reason. */
export async function send(method, path, body) {
  let response;
  try {
    response = await fetch(`api${path}`, {
      method,
      headers: method === "GET"
        ? { "X-Ride-Hailer-Console": secret }
        : { "X-Ride-Hailer-Console": secret, "Content-Type": "application/json" },
      body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
    });
  } catch (failure) {
    throw new Error(`The dev host could not be reached (${failure.message}). Is it still running?`);
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: response.status, ok: response.ok, statusText: response.statusText, json, text };
}

/** Calls the console API for its JSON answer; a 4xx/5xx is thrown with the API's reason, a network failure with its own. */
export async function call(method, path, body) {
  const answer = await send(method, path, body);
  if (!answer.ok) {
    throw new Error(answer.json?.error ?? `HTTP ${answer.status}: ${answer.text || answer.statusText}`);
  }
  return answer.json;
}
