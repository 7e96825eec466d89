// The skill's Azure Functions app on a Flex Consumption (FC1) plan, running as the user-assigned
// identity. Every connection it makes (host storage, durable task hub, bookings table, deployment
// package, Application Insights, Azure Maps) is identity-based, so no app setting holds a key.

param name string
param planName string
param location string
param tags object

@description('Service name in azure.yaml; azd finds the app to deploy to by this tag.')
param serviceName string

param identityName string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string

@description('Log Analytics workspace the app\'s platform logs and metrics go to.')
param logAnalyticsName string

@allowed([512, 2048, 4096])
param instanceMemoryMB int

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('HTTP requests an instance is sent at once; 0 leaves the platform default for the instance size.')
@minValue(0)
param httpPerInstanceConcurrency int

param alwaysReadyHttpInstance bool

param alwaysReadyDurableInstance bool

@minLength(1)
param alexaSkillId string

@allowed(['Mandatory', 'Optional'])
param pinPolicy string

// Empty: riders are a hash of their Alexa ids. Set: linked-account tokens must be JWTs from this issuer.
param riderIdentityAuthority string
param riderIdentityAudience string

@description('The Azure Maps account\'s uniqueId (Places:ClientId); the app signs in to it with its identity, never with a key.')
param mapsClientId string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      // Deployments go to the blob container as the identity; nothing is ever uploaded over FTP.
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        // Absent unless set, so the platform keeps choosing the default by instance size.
        triggers: httpPerInstanceConcurrency > 0 ? { http: { perInstanceConcurrency: httpPerInstanceConcurrency } } : null
        // Alexa gives the skill 8 seconds per request; a warm HTTP instance keeps a cold start out of them. Flex scales
        // the Durable triggers in a group of their own, on other instances: without a warm one there, a rider's turn
        // after a quiet spell waits for the orchestration's instance to start as well.
        alwaysReady: concat(
          alwaysReadyHttpInstance ? [{ name: 'http', instanceCount: 1 }] : [],
          alwaysReadyDurableInstance ? [{ name: 'durable', instanceCount: 1 }] : []
        )
      }
      // The version the solution targets (<TargetFramework>net10.0</TargetFramework> in Directory.Build.props).
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // One literal object so the compiled template names every setting (the infra tests compare these
  // names with RideHailer.Functions/local.settings.sample.json).
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      // The durable task hub (Azure Storage backend) keeps its work items in queues and its history in tables.
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      // The bookings store takes a service URI and authenticates with DefaultAzureCredential,
      // which AZURE_CLIENT_ID points at the user-assigned identity.
      ConnectionStrings__Tables: storage.properties.primaryEndpoints.table
      AZURE_CLIENT_ID: identity.properties.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      Alexa__SkillId: alexaSkillId
      Booking__PinPolicy: pinPolicy
      RiderIdentity__Authority: riderIdentityAuthority
      RiderIdentity__Audience: riderIdentityAudience
      // Destinations from Azure Maps Get Geocoding: x-ms-client-id and a token of the identity (AZURE_CLIENT_ID).
      Places__Kind: 'AzureMaps'
      Places__ClientId: mapsClientId
    }
  }

  // azd and Core Tools publish with an Entra token; FTP and Kudu basic auth stay off.
  resource ftpBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: logAnalyticsName
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: functionApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}
