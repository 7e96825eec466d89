// Grants one data-plane role on the Azure Maps account (not on its resource group) to a principal.

param mapsAccountName string
param principalId string

@description('Id of a built-in Azure Maps data role, e.g. 423170ca-a8f6-4b0f-8487-9e4eb8f49bfa (Azure Maps Data Reader).')
param roleDefinitionId string

resource maps 'Microsoft.Maps/accounts@2023-06-01' existing = {
  name: mapsAccountName
}

resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(maps.id, principalId, roleDefinitionId)
  scope: maps
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
