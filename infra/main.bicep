// Ride Hailer on Azure: `azd up` provisions this and deploys RideHailer.Functions to it.
// Subscription scope so one deployment creates the resource group too (azd's usual layout).

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names every resource and the resource group.')
param environmentName string

@minLength(1)
@description('Region for all resources. It must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@minLength(1)
@description('Alexa skill id (amzn1.ask.skill.…) that requests must carry. Developer console → the skill → Copy Skill ID.')
param alexaSkillId string

@description('PIN policy the skill has in the developer console (Skills Personalization → voice PIN).')
@allowed(['Mandatory', 'Optional'])
param pinPolicy string = 'Mandatory'

@description('OpenID Connect issuer (https URL) whose JWTs identify linked riders; the account-linking provider. Empty: a rider is a hash of the Alexa person or user id.')
param riderIdentityAuthority string = ''

@description('Audience (aud) the issuer puts in the tokens Alexa account linking receives; required when riderIdentityAuthority is set.')
param riderIdentityAudience string = ''

@description('Keep one HTTP instance always ready so Alexa never waits for a cold start (billed while idle).')
param alwaysReadyHttpInstance bool = true

@description('Keep one instance of the Durable triggers (orchestrations, activities) always ready, as Microsoft advises for Durable Functions on Flex Consumption (billed while idle, and its queue polling with it).')
param alwaysReadyDurableInstance bool = true

@description('Memory per Flex Consumption instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('HTTP requests one Flex Consumption instance is sent at once before the platform adds one. 0: the platform default for the instance size (4, 16 or 32 at 512, 2048 or 4096 MB). A turn spends nearly all its time waiting for its session, so a higher value needs fewer instances; measure an instance\'s CPU at the new value first (docs/scale.md).')
@minValue(0)
param httpPerInstanceConcurrency int = 0

@description('Upper bound on Flex Consumption scale-out.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

// Names: empty means derived from the environment; set one to adopt an existing naming scheme.
param resourceGroupName string = ''
param functionAppName string = ''
param appServicePlanName string = ''
param storageAccountName string = ''
param userAssignedIdentityName string = ''
param logAnalyticsName string = ''

@description('Storage firewall default. Allow: the public endpoint, Entra ID only, no keys (Flex Consumption without a virtual network has no fixed outbound addresses to allow). Deny: only once the app has VNet integration and a service or private endpoint to the account.')
@allowed([
  'Allow'
  'Deny'
])
param storageNetworkDefaultAction string = 'Allow'
param applicationInsightsName string = ''
param mapsAccountName string = ''

@description('Region of the Azure Maps account the skill finds destinations with. Azure Maps is global (requests are served near the rider wherever the account is); the account itself must be in a region that offers it.')
@allowed([
  'eastus'
  'westus2'
  'westcentralus'
  'westeurope'
  'northeurope'
])
param mapsLocation string = 'eastus'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var serviceName = 'skill'
var appName = !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}ridehailer-${resourceToken}'
var deploymentContainerName = 'app-package-${take(toLower(appName), 32)}-${take(toLower(uniqueString(appName, resourceToken)), 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: !empty(userAssignedIdentityName)
      ? userAssignedIdentityName
      : '${abbrs.managedIdentityUserAssignedIdentities}ridehailer-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    logAnalyticsName: monitoring.outputs.logAnalyticsName
    networkDefaultAction: storageNetworkDefaultAction
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: !empty(logAnalyticsName)
      ? logAnalyticsName
      : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: !empty(applicationInsightsName)
      ? applicationInsightsName
      : '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

// The identity's roles, each on the one resource it concerns and nothing broader.

// Functions host (keys, leases, timers), durable task hub blobs and leases, the deployment package.
module blobDataOwner 'app/storage-access.bicep' = {
  name: 'storage-blob-data-owner'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    principalId: identity.outputs.principalId
    roleDefinitionId: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  }
}

// Durable task hub control and work-item queues.
module queueDataContributor 'app/storage-access.bicep' = {
  name: 'storage-queue-data-contributor'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    principalId: identity.outputs.principalId
    roleDefinitionId: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  }
}

// Durable task hub history and instances tables, and the bookings table (created on first use).
module tableDataContributor 'app/storage-access.bicep' = {
  name: 'storage-table-data-contributor'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    principalId: identity.outputs.principalId
    roleDefinitionId: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
  }
}

module maps 'app/maps.bicep' = {
  name: 'maps'
  scope: rg
  params: {
    name: !empty(mapsAccountName) ? mapsAccountName : '${abbrs.mapsAccounts}${resourceToken}'
    location: mapsLocation
    tags: tags
  }
}

// Destinations from Azure Maps Get Geocoding, signed in with the identity (the account takes no keys).
module mapsDataReader 'app/maps-access.bicep' = {
  name: 'maps-data-reader'
  scope: rg
  params: {
    mapsAccountName: maps.outputs.name
    principalId: identity.outputs.principalId
    roleDefinitionId: '423170ca-a8f6-4b0f-8487-9e4eb8f49bfa' // Azure Maps Data Reader
  }
}

// Entra-authenticated telemetry into Application Insights (local auth is disabled).
module metricsPublisher 'app/monitoring-access.bicep' = {
  name: 'monitoring-metrics-publisher'
  scope: rg
  params: {
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    principalId: identity.outputs.principalId
    roleDefinitionId: '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: appName
    planName: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    identityName: identity.outputs.name
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    logAnalyticsName: monitoring.outputs.logAnalyticsName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    httpPerInstanceConcurrency: httpPerInstanceConcurrency
    alwaysReadyHttpInstance: alwaysReadyHttpInstance
    alwaysReadyDurableInstance: alwaysReadyDurableInstance
    alexaSkillId: alexaSkillId
    pinPolicy: pinPolicy
    riderIdentityAuthority: riderIdentityAuthority
    riderIdentityAudience: riderIdentityAudience
    mapsClientId: maps.outputs.clientId
  }
  // The host starts as soon as the app exists; with its roles already granted it never sees a 403.
  dependsOn: [
    blobDataOwner
    queueDataContributor
    tableDataContributor
    metricsPublisher
    mapsDataReader
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_NAME string = identity.outputs.name
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_LOG_ANALYTICS_NAME string = monitoring.outputs.logAnalyticsName
output AZURE_MAPS_ACCOUNT_NAME string = maps.outputs.name
@description('Paste into the skill manifest: endpoint → Default Region → URI (wildcard certificate).')
output ALEXA_SKILL_ENDPOINT string = 'https://${functionApp.outputs.defaultHostName}/api/alexa'
