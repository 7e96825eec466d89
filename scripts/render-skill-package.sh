#!/bin/sh
# azd's postprovision hook (azure.yaml): renders the skill package for the environment just provisioned into
# .azure/<env>/skill-package (ignored by git), ready for 'ask deploy'. azd passes its environment's values as
# variables: ALEXA_SKILL_ENDPOINT is a Bicep output; PRIVACY_POLICY_URL and TERMS_OF_USE_URL are set with
# 'azd env set'. Until both are set the package cannot be certified, so the hook says how and skips rather than
# failing the whole 'azd up'; a value that is set but wrong fails it, with the verb's fix-it message.
set -eu

if [ -z "${PRIVACY_POLICY_URL:-}" ] || [ -z "${TERMS_OF_USE_URL:-}" ]; then
  echo "Skill package not rendered: set your privacy policy and terms of use URLs, then run the hook again:"
  echo "  azd env set PRIVACY_POLICY_URL https://<your-site>/privacy"
  echo "  azd env set TERMS_OF_USE_URL https://<your-site>/terms"
  echo "  azd hooks run postprovision"
  exit 0
fi

out=".azure/${AZURE_ENV_NAME:?azd sets AZURE_ENV_NAME}/skill-package"
set -- --endpoint "${ALEXA_SKILL_ENDPOINT:?run azd provision first: ALEXA_SKILL_ENDPOINT is an output of infra/main.bicep}" \
  --privacy-policy "$PRIVACY_POLICY_URL" --terms-of-use "$TERMS_OF_USE_URL" --out "$out"
if [ -n "${TESTING_INSTRUCTIONS_FILE:-}" ]; then
  set -- "$@" --testing-instructions "$TESTING_INSTRUCTIONS_FILE"
fi
if [ -n "${ACCOUNT_LINKING_CLIENT_ID:-}" ]; then
  set -- "$@" --account-linking-authorization-url "${ACCOUNT_LINKING_AUTHORIZATION_URL:-}" \
    --account-linking-token-url "${ACCOUNT_LINKING_TOKEN_URL:-}" --account-linking-client-id "$ACCOUNT_LINKING_CLIENT_ID"
fi

dotnet run --project RideHailer.DevHost -c Release -- skill-package "$@"
