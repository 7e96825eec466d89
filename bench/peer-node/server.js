'use strict';
// The benchmark's peer: Ride Hailer's seed conversation as a skill developer would write it with the ASK SDK
// for Node.js. Same turns, same answers, same work per turn (the Customer Profile API read on the consent
// turn, the same tariff, an idempotent in-process booking store); state lives in session attributes.
// Request verification is off, as on the .NET hosts it is compared with. Bench only.
const crypto = require('node:crypto');
const express = require('express');
const Alexa = require('ask-sdk-core');
const { ExpressAdapter } = require('ask-sdk-express-adapter');

const WHERE_TO = 'Where would you like to go?';
const CONSENT_URI = 'connection://AMAZON.AskForPermissionsConsent/2';
const PIN_URI = 'connection://AMAZON.VerifyPerson/2';
const SCOPES = {
  name: 'alexa::profile:given_name:read',
  location: 'alexa::devices:all:geolocation:read',
  mobile: 'alexa::profile:mobile_number:read',
};
const PLACES = [
  { id: 'space-needle', name: 'Space Needle', spoken: 'the Space Needle', lat: 47.6205, lon: -122.3493, says: ['space needle', 'the space needle', 'needle', 'the needle'] },
  { id: 'pike-place-market', name: 'Pike Place Market', spoken: 'Pike Place Market', lat: 47.6097, lon: -122.3422, says: ['pike place market', 'pike place'] },
];
const TARIFF = { base: 3.0, perMile: 2.5, minimum: 8.0, increment: 0.5, mph: 20, dispatchMinutes: 2, depots: [
  { city: 'Seattle', lat: 47.6062, lon: -122.3321 }, { city: 'San Francisco', lat: 37.7749, lon: -122.4194 },
  { city: 'New York', lat: 40.7128, lon: -74.0060 }, { city: 'Portland', lat: 45.5152, lon: -122.6784 },
  { city: 'Vancouver', lat: 49.2827, lon: -123.1207 },
] };
const DRIVERS = [
  ['Sam', 'a silver Toyota Prius', 'BXK 4821'], ['Priya', 'a blue Honda Civic', 'CJT 1907'], ['Marco', 'a white Tesla Model 3', 'DLR 5530'],
  ['Aiko', 'a black Ford Escape', 'AVW 3346'], ['Jordan', 'a red Subaru Outback', 'EMN 7712'],
];
const bookings = new Map();

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
function number(n) {
  if (n < 20) return ONES[n];
  if (n < 100) return TENS[Math.floor(n / 10)] + (n % 10 ? '-' + ONES[n % 10] : '');
  return ONES[Math.floor(n / 100)] + ' hundred' + (n % 100 ? ' ' + number(n % 100) : '');
}
const counted = (n, one, many) => `${number(n)} ${n === 1 ? one : many}`;
function dollars(amount) {
  const cents = Math.round(amount * 100);
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  if (rest === 0) return counted(whole, 'dollar', 'dollars');
  return whole === 0 ? counted(rest, 'cent', 'cents') : `${counted(whole, 'dollar', 'dollars')} and ${counted(rest, 'cent', 'cents')}`;
}
const minutes = (m) => counted(Math.max(1, Math.ceil(m)), 'minute', 'minutes');

function miles(a, b) {
  const rad = (d) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}
const sha256 = (text) => crypto.createHash('sha256').update(text).digest();

function quote(pickup, place, now) {
  const [depot, depotMiles] = TARIFF.depots.map((d) => [d, miles(d, pickup)]).reduce((a, b) => (b[1] < a[1] ? b : a));
  const trip = miles(pickup, place);
  const fare = Math.ceil(Math.max(TARIFF.minimum, TARIFF.base + TARIFF.perMile * trip) / TARIFF.increment) * TARIFF.increment;
  const eta = Math.max(1, Math.ceil(TARIFF.dispatchMinutes + (depotMiles / TARIFF.mph) * 60));
  const id = 'q-' + sha256(`${pickup.lat}|${pickup.lon}|${place.id}|${depot.city}|${now}`).toString('hex').slice(0, 20);
  return { id, placeId: place.id, fare, eta, quotedAt: now };
}

function book(sessionKey, q, passenger, now) {
  const key = 'bk-' + sha256(`${sessionKey.length}:${sessionKey}|${q.id}`).toString('hex').slice(0, 32);
  const existing = bookings.get(key);
  if (existing) return existing;
  const driver = DRIVERS[sha256(q.id).readUInt32LE(0) % DRIVERS.length];
  const eta = Math.max(1, Math.ceil(q.eta - (now - q.quotedAt) / 60000));
  const booking = { key, quote: q, passenger, driver, eta };
  bookings.set(key, booking);
  return booking;
}

const findPlace = (said) => PLACES.find((p) => p.says.includes((said || '').trim().toLowerCase()));
const attributesOf = (input) => input.attributesManager.getSessionAttributes();
const isIntent = (input, name) => Alexa.getRequestType(input.requestEnvelope) === 'IntentRequest' && Alexa.getIntentName(input.requestEnvelope) === name;
const resumed = (input, prefix) => Alexa.getRequestType(input.requestEnvelope) === 'SessionResumedRequest'
  && String(input.requestEnvelope.request.cause?.token || '').startsWith(prefix);

const LaunchHandler = {
  canHandle: (input) => Alexa.getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle(input) {
    input.attributesManager.setSessionAttributes({ step: 'destination' });
    return input.responseBuilder.speak('Welcome to Ride Hailer. ' + WHERE_TO).reprompt(WHERE_TO).getResponse();
  },
};

const OrderRideHandler = {
  canHandle: (input) => isIntent(input, 'OrderRideIntent'),
  handle(input) {
    const place = findPlace(Alexa.getSlotValue(input.requestEnvelope, 'destination'));
    if (!place) return input.responseBuilder.speak(`Sorry, I didn't catch where you want to go. ${WHERE_TO}`).reprompt(WHERE_TO).getResponse();
    const token = 'consent.' + crypto.randomUUID().replaceAll('-', '');
    input.attributesManager.setSessionAttributes({ step: 'consent', placeId: place.id, pending: token });
    return input.responseBuilder
      .speak('Sure. I need access to your name, current location, and mobile number so that I can find a ride for you.')
      .addDirective({
        type: 'Connections.StartConnection',
        uri: CONSENT_URI,
        input: {
          '@type': 'AskForPermissionsConsentRequest',
          '@version': '2',
          permissionScopes: [
            { permissionScope: SCOPES.name, consentLevel: 'PERSON' },
            { permissionScope: SCOPES.location, consentLevel: 'ACCOUNT' },
            { permissionScope: SCOPES.mobile, consentLevel: 'PERSON' },
          ],
        },
        token,
      })
      .getResponse();
  },
};

const ConsentResumedHandler = {
  canHandle: (input) => resumed(input, 'consent.'),
  async handle(input) {
    const state = attributesOf(input);
    const cause = input.requestEnvelope.request.cause;
    if (state.step !== 'consent' || cause.token !== state.pending || cause.status?.code !== '200' || cause.result?.status !== 'ACCEPTED') {
      return input.responseBuilder.speak('Sorry, I wasn\'t expecting that. Do you want to continue?').reprompt('Do you want to continue?').getResponse();
    }

    // Person-level reads for a recognised speaker, in parallel, with the request's API access token.
    const ups = input.serviceClientFactory.getUpsServiceClient();
    const [givenName, mobile] = await Promise.all([ups.getPersonsProfileGivenName(), ups.getPersonsProfileMobileNumber()]);
    const coordinate = input.requestEnvelope.context.Geolocation?.coordinate;
    if (!coordinate) return input.responseBuilder.speak('Sorry, I couldn\'t find your location.').withShouldEndSession(true).getResponse();
    const place = PLACES.find((p) => p.id === state.placeId);
    const q = quote({ lat: coordinate.latitudeInDegrees, lon: coordinate.longitudeInDegrees }, place, Date.now());
    const passenger = { personId: input.requestEnvelope.context.System.person?.personId, givenName, mobile: `${mobile.countryCode} ${mobile.phoneNumber}` };
    input.attributesManager.setSessionAttributes({ step: 'quote', placeId: place.id, quote: q, passenger });
    const ask = 'Do you want me to book it?';
    return input.responseBuilder
      .speak(`Thank you. A ride to ${place.spoken} from your current location will cost ${dollars(q.fare)}, and the driver can pick you up in ${minutes(q.eta)}. ${ask}`)
      .reprompt(`Do you want me to book the ride to ${place.spoken}?`)
      .withShouldEndSession(false)
      .getResponse();
  },
};

const YesHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent') && attributesOf(input).step === 'quote',
  handle(input) {
    const state = attributesOf(input);
    const token = 'pin.' + crypto.randomUUID().replaceAll('-', '');
    input.attributesManager.setSessionAttributes({ ...state, step: 'pin', pending: token });
    return input.responseBuilder
      .speak(`Ok, <alexa:name type="first" personId="${state.passenger.personId}"/>.`)
      .addDirective({
        type: 'Connections.StartConnection',
        uri: PIN_URI,
        input: { requestedAuthenticationConfidenceLevel: { level: 400, customPolicy: { policyName: 'VOICE_PIN' } } },
        token,
      })
      .getResponse();
  },
};

const PinResumedHandler = {
  canHandle: (input) => resumed(input, 'pin.'),
  handle(input) {
    const state = attributesOf(input);
    const cause = input.requestEnvelope.request.cause;
    const level = input.requestEnvelope.context.System.person?.authenticationConfidenceLevel?.level;
    if (state.step !== 'pin' || cause.token !== state.pending || cause.status?.code !== '200'
        || cause.result?.status !== 'ACHIEVED' || level !== 400) {
      return input.responseBuilder.speak('Sorry, verification failed. Your ride was not booked.').withShouldEndSession(true).getResponse();
    }

    const booking = book(input.requestEnvelope.session.sessionId, state.quote, state.passenger, Date.now());
    const place = PLACES.find((p) => p.id === state.placeId);
    input.attributesManager.setSessionAttributes({ step: 'booked', bookingKey: booking.key });
    const [name, car, plate] = booking.driver;
    return input.responseBuilder
      .speak(`Great. Your driver will arrive in ${minutes(booking.eta)}.`)
      .withSimpleCard('Your ride is booked', [
        `Driver: ${name}, ${car} (${plate})`, 'Pickup: your current location', `Destination: ${place.name}`,
        `Price: $${booking.quote.fare.toFixed(2)}`, `Arrives in: ${minutes(booking.eta)}`,
      ].join('\n'))
      .withShouldEndSession(true)
      .getResponse();
  },
};

const SessionEndedHandler = {
  canHandle: (input) => Alexa.getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle: (input) => input.responseBuilder.getResponse(),
};

const FallbackHandler = {
  canHandle: () => true,
  handle: (input) => input.responseBuilder.speak('Sorry, I didn\'t get that. ' + WHERE_TO).reprompt(WHERE_TO).getResponse(),
};

const skill = Alexa.SkillBuilders.custom()
  .addRequestHandlers(LaunchHandler, OrderRideHandler, ConsentResumedHandler, YesHandler, PinResumedHandler, SessionEndedHandler, FallbackHandler)
  .addErrorHandlers({
    canHandle: () => true,
    handle: (input, error) => {
      console.error(error.message);
      return input.responseBuilder.speak('Sorry, something went wrong with Ride Hailer. Please try again later.').withShouldEndSession(true).getResponse();
    },
  })
  .withApiClient(new Alexa.DefaultApiClient())
  .withSkillId('amzn1.ask.skill.00000000-0000-0000-0000-000000000000')
  .create();

const app = express();
// Signature and timestamp verification off, as on the .NET hosts in Development.
app.post('/', new ExpressAdapter(skill, false, false).getRequestHandlers());
const port = Number(process.env.PORT || 3000);
app.listen(port, '127.0.0.1', () => console.log(`peer-node listening on http://127.0.0.1:${port}/`));
