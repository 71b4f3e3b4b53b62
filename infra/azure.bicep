// Practice Hub on Azure: one storage account (tables + queues), a Linux Web App on Node 22 LTS that
// runs the service and serves the tab, a user-assigned managed identity that is both the bot's app
// identity (UserAssignedMSI: no bot secret anywhere) and the service's way into storage (role
// assignments: no account key anywhere), Application Insights over a Log Analytics workspace with
// the service's logs, an optional Key Vault for SUBMISSION_KEY_SECRET, and the Azure Bot with its
// Teams channel.
//
// Deployed by `atk provision` (m365agents.yml), which fills infra/azure.parameters.json from
// env/.env.<name>; by hand: az deployment group create -g <group> -f infra/azure.bicep
//   -p infra/azure.parameters.json (after replacing its ${{...}} values).

@description('Short name used in every resource name, e.g. practice-hub-dev; a suffix unique to the resource group is added.')
@minLength(3)
@maxLength(20)
param resourceBaseName string

@description('Region of everything but the bot (which is global).')
param location string = resourceGroup().location

@description('App Service plan SKU; B1 is the smallest that supports Always On.')
param webAppSku string = 'B1'

@description('Entra ID application (client) id of the tab SSO app registration (aad.manifest.json).')
param entraClientId string

@description('Teams app id from the manifest; used for deep links in cards.')
param teamsAppId string

@description('Display name of the bot in the Azure portal and Teams.')
param botDisplayName string = 'Practice Hub'

@description('Keys the ids of retro entries: a long random value (openssl rand -base64 48), the same on every deployment.')
@secure()
@minLength(32)
param submissionKeySecret string

@description('Keep SUBMISSION_KEY_SECRET in a Key Vault that only the managed identity reads; false puts it in an app setting.')
param useKeyVault bool = true

@description('Days the service logs are kept in Log Analytics.')
@minValue(30)
param logRetentionDays int = 30

// Global names (storage, web app, key vault) must not collide with anyone else's: a suffix derived
// from the resource group keeps them stable across deployments and distinct between groups.
var suffix = uniqueString(resourceGroup().id)
var names = {
  identity: '${resourceBaseName}-identity-${suffix}'
  // Storage accounts and key vaults take 24 characters at most: the base is cut, never the suffix.
  storage: '${take(toLower(replace(resourceBaseName, '-', '')), 11)}${suffix}'
  plan: '${resourceBaseName}-plan-${suffix}'
  webApp: '${resourceBaseName}-${suffix}'
  logs: '${resourceBaseName}-logs-${suffix}'
  insights: '${resourceBaseName}-insights-${suffix}'
  keyVault: '${take(replace(resourceBaseName, '-', ''), 9)}kv${suffix}'
  bot: '${resourceBaseName}-${suffix}'
}
var tenantId = subscription().tenantId
var webAppHostName = '${names.webApp}.azurewebsites.net'
// The tab SSO app's ID URI names the host the tab is served from, as Teams requires.
var entraAppIdUri = 'api://${webAppHostName}/${entraClientId}'

// Built-in role definitions: data access only, never the account's keys.
var roles = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // The service signs in with the managed identity; keys and SAS are refused.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    supportsHttpsTrafficOnly: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tableDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = if (useKeyVault) {
  name: names.keyVault
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource submissionKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (useKeyVault) {
  parent: keyVault
  name: 'submission-key-secret'
  properties: {
    value: submissionKeySecret
  }
}

resource keyVaultSecretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (useKeyVault) {
  name: guid(names.keyVault, identity.id, roles.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: names.webApp
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in app settings are resolved with the managed identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node bot/dist/server.js'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'AUTH_MODE', value: 'entra' }
        { name: 'PUBLIC_BASE_URL', value: 'https://${webAppHostName}' }
        // Storage through the managed identity (bot/src/store/credential.ts): no key, no
        // connection string.
        { name: 'STORAGE_ACCOUNT_NAME', value: storage.name }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'ENTRA_CLIENT_ID', value: entraClientId }
        { name: 'ENTRA_APP_ID_URI', value: entraAppIdUri }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        {
          name: 'SUBMISSION_KEY_SECRET'
          value: useKeyVault ? '@Microsoft.KeyVault(SecretUri=${submissionKey.properties.secretUri})' : submissionKeySecret
        }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        // App Service's front end is the one proxy whose X-Forwarded-For names the caller.
        { name: 'TRUST_PROXY_HOPS', value: '1' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
  dependsOn: [
    tableDataRole
    queueDataRole
  ]
}

// The service's JSON logs (stdout), App Service's HTTP logs and platform logs, kept in the
// workspace behind Application Insights.
resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'service-logs'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webAppHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Outputs in capitals: `atk provision` writes each to env/.env.<name> under its own name.

@description('The Web App, for `atk deploy`.')
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id

@description('Host name of the Web App (the manifest\'s valid domain).')
output TAB_DOMAIN string = webAppHostName

@description('Base URL of the tab, the API and the legal pages.')
output TAB_ENDPOINT string = 'https://${webAppHostName}'

@description('The tab SSO app\'s ID URI, written into aad.manifest.json and the Teams manifest.')
output ENTRA_APP_ID_URI string = entraAppIdUri

@description('The bot app id: the managed identity\'s client id.')
output BOT_ID string = identity.properties.clientId

@description('Where the tables and queues live.')
output STORAGE_ACCOUNT_NAME string = storage.name
