// The Azure Maps account the skill finds destinations with (Places:Kind=AzureMaps, Get Geocoding). Gen2 pricing;
// shared keys are off, so the only way in is Microsoft Entra ID: the app's identity with Azure Maps Data Reader.

param name string

@description('Region of the account. Azure Maps is a global service; the account lives in one of the regions that offer it.')
param location string

param tags object

resource maps 'Microsoft.Maps/accounts@2023-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'Gen2'
  sku: {
    name: 'G2'
  }
  properties: {
    // No subscription keys: requests sign in with a token and the account's uniqueId (x-ms-client-id).
    disableLocalAuth: true
  }
}

output name string = maps.name

@description('The account\'s uniqueId: the app sends it as x-ms-client-id (Places:ClientId). An identifier, not a secret.')
output clientId string = maps.properties.uniqueId
