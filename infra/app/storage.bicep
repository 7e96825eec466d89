// One account for the Functions host, the durable task hub (blobs, queues, tables), the deployment
// package and the bookings table. Keys are disabled: everything reaches it through Entra ID.

param name string
param location string
param tags object

@description('Blob container Flex Consumption deploys the app package to.')
param deploymentContainerName string

@description('Log Analytics workspace the account\'s diagnostic logs and metrics go to.')
param logAnalyticsName string

// Flex Consumption without a virtual network has no fixed outbound addresses, so deny-by-default would lock the app
// out of its own storage. Deny needs VNet integration and a service or private endpoint (extra resources and cost
// this sample does not impose); set Deny only once those exist.
@description('Storage firewall default: Allow (public endpoint, Entra ID only, no keys) or Deny (needs VNet integration with a service or private endpoint).')
@allowed([
  'Allow'
  'Deny'
])
param networkDefaultAction string = 'Allow'

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    // Flex Consumption without a virtual network reaches storage over its public endpoint.
    publicNetworkAccess: 'Enabled'
    supportsHttpsTrafficOnly: true
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: networkDefaultAction
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    // A deleted blob or container (the task hub's, the deployment package) can be restored for a week.
    properties: {
      deleteRetentionPolicy: {
        enabled: true
        days: 7
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: 7
      }
    }

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: logAnalyticsName
}

resource accountDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: storage
  properties: {
    workspaceId: logAnalytics.id
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

// Who read or wrote which blob: the account-level setting carries metrics only.
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: storage::blobService
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

output name string = storage.name
