// Grants one data-plane role on the storage account (not on its resource group) to a principal.

param storageAccountName string
param principalId string

@description('Id of a built-in storage data role, e.g. b7e6dc6d-f1e8-4753-8033-0f276bb0955b (Storage Blob Data Owner).')
param roleDefinitionId string

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, principalId, roleDefinitionId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
