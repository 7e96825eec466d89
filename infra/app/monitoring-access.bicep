// Grants one role on the Application Insights component (not on its resource group) to a principal.

param applicationInsightsName string
param principalId string

@description('Id of a built-in role, e.g. 3913510d-42f4-4e42-8a64-420c390055eb (Monitoring Metrics Publisher).')
param roleDefinitionId string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, principalId, roleDefinitionId)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
